package org.openlms.app.loan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loans, their setup and settings in a tenant database; the caller passes the tenant's JdbcClient. */
@Repository
public class LoanRepository {

  private static final String LIVE = "NOT deleted";

  public long insert(JdbcClient db, LoanChanges c, LoanSettings settings) {
    long id = db.sql("""
            INSERT INTO loan (display_id, title, setup_active, archived, archived_at, temporary_account, loan_alert)
            VALUES (?, ?, ?, ?, CASE WHEN ? THEN now() END, ?, ?) RETURNING id""")
        .params(c.displayId(), c.title(), Boolean.TRUE.equals(c.activate()), Boolean.TRUE.equals(c.archived()),
            Boolean.TRUE.equals(c.archived()), Boolean.TRUE.equals(c.temporaryAccount()), c.loanAlert())
        .query(Long.class).single();
    List<Object> values = new ArrayList<>(LoanSetupRows.values(c.setup()));
    values.add(0, id);
    db.sql("INSERT INTO loan_setup (loan_id, " + LoanSetupRows.COLUMNS + ") VALUES (?"
            + ", ?".repeat(LoanSetupRows.COUNT) + ")").params(values).update();
    db.sql("""
            INSERT INTO loan_settings (loan_id, loan_status_id, loan_sub_status_id, source_company, autopay_enabled,
                is_stoplight_manually_set) VALUES (?, ?, ?, ?, ?, ?)""")
        .params(id, settings.loanStatusId(), settings.loanSubStatusId(), settings.sourceCompany(),
            settings.autopayEnabled(), settings.isStoplightManuallySet())
        .update();
    return id;
  }

  public Optional<Loan> find(JdbcClient db, long id) {
    return db.sql("SELECT * FROM loan WHERE id = ? AND " + LIVE).param(id).query(LoanRepository::map).optional();
  }

  /** Locks the loan row for the rest of the transaction: writers of one loan go one after another. */
  public Optional<Loan> lock(JdbcClient db, long id) {
    return db.sql("SELECT * FROM loan WHERE id = ? AND " + LIVE + " FOR UPDATE").param(id)
        .query(LoanRepository::map).optional();
  }

  public boolean displayIdTaken(JdbcClient db, String displayId, long exceptId) {
    return db.sql("SELECT count(*) FROM loan WHERE display_id = ? AND id <> ?").params(displayId, exceptId)
        .query(Long.class).single() > 0;
  }

  public Optional<LoanSetup> setup(JdbcClient db, long loanId) {
    return db.sql("SELECT * FROM loan_setup WHERE loan_id = ?").param(loanId).query(LoanSetupRows::map).optional();
  }

  public Optional<LoanSettings> settings(JdbcClient db, long loanId) {
    return db.sql("SELECT * FROM loan_settings WHERE loan_id = ?").param(loanId).query(LoanRepository::settings)
        .optional();
  }

  /**
   * The live loan with its setup and settings in one query, as the API answers every loan with all three.
   * Each part is mapped by its own column names; the three tables share none but {@code loan_id}.
   */
  public Optional<LoanService.LoanView> view(JdbcClient db, long id) {
    return db.sql(VIEW + "loan.id = ? AND " + LIVE).param(id).query(LoanRepository::view).optional();
  }

  /** As {@link #view}, for several live loans in one query; missing or deleted ones are left out. */
  public java.util.Map<Long, LoanService.LoanView> views(JdbcClient db, java.util.Collection<Long> ids) {
    java.util.Map<Long, LoanService.LoanView> out = new java.util.HashMap<>();
    if (ids.size() == 1) { // as a value, so the prepared statement keeps one plan (see ODataRows.perParent)
      view(db, ids.iterator().next()).ifPresent(v -> out.put(v.loan().id(), v));
      return out;
    }
    db.sql(VIEW + "loan.id = ANY(?) AND " + LIVE).param(ids.toArray(Long[]::new))
        .query(LoanRepository::view).list().forEach(v -> out.put(v.loan().id(), v));
    return out;
  }

  /** A loan with its setup, settings and the titles of its status and sub-status (null when not configured). */
  private static final String VIEW = "SELECT loan.*, s.*, t.*, st.title AS loan_status_text,"
      + " sub.title AS loan_sub_status_text FROM loan JOIN loan_setup s ON s.loan_id = loan.id"
      + " JOIN loan_settings t ON t.loan_id = loan.id LEFT JOIN loan_status st ON st.id = t.loan_status_id"
      + " LEFT JOIN loan_sub_status sub ON sub.id = t.loan_sub_status_id WHERE ";

  private static LoanService.LoanView view(ResultSet rs, int n) throws SQLException {
    return new LoanService.LoanView(map(rs, n), LoanSetupRows.map(rs, n), settings(rs, n),
        rs.getString("loan_status_text"), rs.getString("loan_sub_status_text"));
  }

  private static LoanSettings settings(ResultSet rs, int row) throws SQLException {
    return new LoanSettings(integer(rs, "loan_status_id"), integer(rs, "loan_sub_status_id"),
        integer(rs, "source_company"), rs.getBoolean("autopay_enabled"), rs.getBoolean("is_stoplight_manually_set"));
  }

  public void updateSetup(JdbcClient db, long loanId, LoanSetup setup) {
    String assignments = String.join(", ", LoanSetupRows.COLUMNS.strip().split(",\\s*")) ;
    List<Object> values = new ArrayList<>(LoanSetupRows.values(setup));
    values.add(loanId);
    db.sql("UPDATE loan_setup SET (" + assignments + ") = (?" + ", ?".repeat(LoanSetupRows.COUNT - 1)
        + ") WHERE loan_id = ?").params(values).update();
  }

  public void updateSettings(JdbcClient db, long loanId, LoanSettings s) {
    db.sql("""
            UPDATE loan_settings SET loan_status_id = ?, loan_sub_status_id = ?, source_company = ?,
                autopay_enabled = ?, is_stoplight_manually_set = ? WHERE loan_id = ?""")
        .params(s.loanStatusId(), s.loanSubStatusId(), s.sourceCompany(), s.autopayEnabled(),
            s.isStoplightManuallySet(), loanId).update();
  }

  public void updateLoan(JdbcClient db, Loan l) {
    db.sql("""
            UPDATE loan SET display_id = ?, title = ?, setup_active = ?, archived = ?,
                archived_at = CASE WHEN ? AND NOT archived THEN now() WHEN NOT ? THEN NULL ELSE archived_at END,
                temporary_account = ?, loan_alert = ?, deleted = ?, deleted_at = ?, last_update = now()
            WHERE id = ?""")
        .params(l.displayId(), l.title(), l.setupActive(), l.archived(), l.archived(), l.archived(),
            l.temporaryAccount(), l.loanAlert(), l.deleted(), l.deletedAt() == null ? null : Timestamp.from(l.deletedAt()),
            l.id())
        .update();
  }

  private static Integer integer(ResultSet rs, String col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? null : v;
  }

  static Loan map(ResultSet rs, int row) throws SQLException {
    Timestamp deletedAt = rs.getTimestamp("deleted_at");
    java.sql.Date maintained = rs.getDate("last_maintained_date");
    return new Loan(rs.getLong("id"), rs.getString("display_id"), rs.getString("title"),
        rs.getBoolean("setup_active"), rs.getBoolean("archived"), rs.getBoolean("temporary_account"),
        rs.getBoolean("deleted"), deletedAt == null ? null : deletedAt.toInstant(),
        maintained == null ? null : maintained.toLocalDate(), rs.getInt("mod_id"), rs.getString("loan_alert"),
        rs.getTimestamp("created").toInstant(), rs.getTimestamp("last_update").toInstant());
  }
}
