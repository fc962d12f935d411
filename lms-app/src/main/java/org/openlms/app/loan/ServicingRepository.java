package org.openlms.app.loan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openlms.engine.payment.Application;
import org.openlms.engine.state.Adjustment;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.StatusSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A loan's payments, engine state and status archive in the tenant database (caller's transaction). */
@Repository
public class ServicingRepository {

  public void saveState(JdbcClient db, long loanId, LoanState s) {
    db.sql(LoanStateRows.UPSERT).params(LoanStateRows.values(loanId, s)).update();
  }

  public Optional<LoanState> state(JdbcClient db, long loanId, Schedule schedule) {
    return db.sql("SELECT * FROM loan_state WHERE loan_id = ?").param(loanId)
        .query((rs, n) -> LoanStateRows.map(rs, schedule)).optional();
  }

  public long insertPayment(JdbcClient db, long loanId, NewPayment p) {
    return db.sql("""
            INSERT INTO loan_payment (loan_id, date, amount, info, payment_type_id, payment_method_id, extra,
                principal_only, application) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(loanId, p.date(), p.amount(), p.info(), p.paymentTypeId(), p.paymentMethodId(), p.extra(),
            p.principalOnly(), p.application())
        .query(Long.class).single();
  }

  public List<PaymentRecord> payments(JdbcClient db, long loanId) {
    return db.sql("SELECT * FROM loan_payment WHERE loan_id = ? ORDER BY date, id").param(loanId)
        .query(ServicingRepository::payment).list();
  }

  public void reverse(JdbcClient db, long paymentId, String reason, LocalDate on) {
    db.sql("""
            UPDATE loan_payment SET active = FALSE, reverse_reason = ?, reverse_date = ?, applied_fees = NULL,
                applied_interest = NULL, applied_principal = NULL WHERE id = ?""")
        .params(reason, on, paymentId).update();
  }

  public long insertCharge(JdbcClient db, long loanId, NewCharge c) {
    return db.sql(CHARGE_INSERT + " RETURNING id").params(chargeValues(loanId, c, null, null)).query(Long.class).single();
  }

  /** A dated adjustment (stop or resume interest, reset past due) and who put it. */
  public static final String ADJUSTMENT_INSERT =
      "INSERT INTO loan_adjustment (loan_id, date, kind, source, source_id) VALUES (?, ?, ?, ?, ?)";

  /** A loan's adjustments in date order. */
  public List<Adjustment> adjustments(JdbcClient db, long loanId) {
    return db.sql("SELECT * FROM loan_adjustment WHERE loan_id = ? ORDER BY date, id").param(loanId)
        .query(ServicingRepository::adjustment).list();
  }

  static Adjustment adjustment(ResultSet rs, int n) throws SQLException {
    return new Adjustment(rs.getLong("id"), rs.getObject("date", LocalDate.class),
        Adjustment.Kind.valueOf(rs.getString("kind")));
  }

  /** A charge put by the automation engine ({@code source} recurringCharge or rule, and its id). */
  public static final String CHARGE_INSERT = """
      INSERT INTO loan_charge (loan_id, date, amount, info, charge_type_id, charge_application_type, source, source_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

  public static Object[] chargeValues(long loanId, NewCharge c, String source, Long sourceId) {
    return new Object[] {loanId, c.date(), c.amount(), c.info(), c.chargeTypeId(), c.chargeApplicationType(), source,
        sourceId};
  }

  /** Every charge of a loan, reversed ones included, in date order. */
  public List<ChargeRecord> charges(JdbcClient db, long loanId) {
    return db.sql(ChargeRecord.SELECT + " WHERE c.loan_id = ? ORDER BY c.date, c.id").param(loanId)
        .query(ChargeRecord::map).list();
  }

  public void reverseCharge(JdbcClient db, long chargeId, String comment) {
    db.sql("UPDATE loan_charge SET active = FALSE, reversed = now(), edit_comment = coalesce(?, edit_comment) "
        + "WHERE id = ?").params(comment, chargeId).update();
  }

  /** The tenant's charge type ids that can be charged. */
  public Set<Integer> chargeTypes(JdbcClient db) {
    return new HashSet<>(db.sql("SELECT id FROM charge_type WHERE active").query(Integer.class).list());
  }

  public void setApplied(JdbcClient db, long paymentId, Application a) {
    db.sql(APPLIED_UPDATE)
        .params(a.fees(), a.interest(), a.principal(), paymentId).update();
  }

  /** The archive's columns, in the order of {@link #archiveValues}. */
  public static final List<String> ARCHIVE_COLUMNS = List.of("loan_id", "date", "amount_due", "due_interest",
      "due_principal", "due_fees", "due_pni", "next_payment_date", "next_payment_amount", "last_payment_date",
      "last_payment_amount", "principal_balance", "days_past_due", "date_last_current", "amount_past_due_30",
      "date_last_current_30", "first_delinquency_date", "unique_delinquencies", "delinquent_days", "payoff", "perdiem",
      "interest_accrued_today", "period_start", "period_end", "periods_remaining", "final_payment_date",
      "final_payment_amount", "loan_age");
  private static final String ARCHIVE_INSERT = "INSERT INTO loan_status_archive (" + String.join(", ", ARCHIVE_COLUMNS)
      + ") VALUES ";
  private static final String ARCHIVE_ROW = "(?" + ", ?".repeat(ARCHIVE_COLUMNS.size() - 1) + ")";


  public static final String APPLIED_UPDATE =
      "UPDATE loan_payment SET applied_fees = ?, applied_interest = ?, applied_principal = ? WHERE id = ?";

  public static Object[] archiveValues(long loanId, StatusSnapshot s) {
    return new Object[] {loanId, s.date(), s.amountDue(), s.dueInterest(), s.duePrincipal(), s.dueFees(),
        s.duePni(), s.nextPaymentDate(), s.nextPaymentAmount(), s.lastPaymentDate(), s.lastPaymentAmount(),
        s.principalBalance(), s.daysPastDue(), s.dateLastCurrent(), s.amountPastDue30(), s.dateLastCurrent30(),
        s.firstDelinquencyDate(), s.uniqueDelinquencies(), s.delinquentDays(), s.payoff(), s.perdiem(),
        s.interestAccruedToday(), s.periodStart(), s.periodEnd(), s.periodsRemaining(), s.finalPaymentDate(),
        s.finalPaymentAmount(), s.loanAge()};
  }

  /** Replaces the archive from {@code from} on with the given rows (a reverse calculation). */
  public void rewriteArchive(JdbcClient db, long loanId, LocalDate from, List<StatusSnapshot> rows) {
    db.sql("DELETE FROM loan_status_archive WHERE loan_id = ? AND date >= ?").params(loanId, from).update();
    insertArchive(db, loanId, rows);
  }

  /** Inserts archive rows in multi-row statements (a replay over years writes thousands of days at once). */
  public void insertArchive(JdbcClient db, long loanId, List<StatusSnapshot> rows) {
    final int perStatement = 500; // 28 parameters a row, well under PostgreSQL's 65535 per statement
    for (int from = 0; from < rows.size(); from += perStatement) {
      List<StatusSnapshot> part = rows.subList(from, Math.min(rows.size(), from + perStatement));
      List<Object> params = new ArrayList<>(part.size() * ARCHIVE_COLUMNS.size());
      for (StatusSnapshot s : part) {
        params.addAll(java.util.Arrays.asList(archiveValues(loanId, s)));
      }
      db.sql(ARCHIVE_INSERT + String.join(", ", java.util.Collections.nCopies(part.size(), ARCHIVE_ROW)))
          .params(params).update();
    }
  }

  public void clearArchive(JdbcClient db, long loanId) {
    db.sql("DELETE FROM loan_status_archive WHERE loan_id = ?").param(loanId).update();
  }

  public static PaymentRecord payment(ResultSet rs, int row) throws SQLException {
    return new PaymentRecord(rs.getLong("id"), rs.getLong("loan_id"), rs.getObject("date", LocalDate.class),
        rs.getBigDecimal("amount"), rs.getString("info"), rs.getInt("payment_type_id"),
        rs.getInt("payment_method_id"), rs.getString("extra"), rs.getBoolean("principal_only"),
        rs.getString("application"), rs.getBoolean("active"), rs.getString("reverse_reason"),
        date(rs, "reverse_date"), rs.getBigDecimal("applied_fees"), rs.getBigDecimal("applied_interest"),
        rs.getBigDecimal("applied_principal"), rs.getTimestamp("created").toInstant());
  }

  /** Archive rows of one loan, oldest first, mapped back to the engine's snapshot. */
  public List<StatusSnapshot> archive(JdbcClient db, long loanId, int limit, int offset) {
    return db.sql("SELECT * FROM loan_status_archive WHERE loan_id = ? ORDER BY date LIMIT ? OFFSET ?")
        .params(loanId, limit, offset).query(ServicingRepository::snapshot).list();
  }

  public long archiveCount(JdbcClient db, long loanId) {
    return db.sql("SELECT count(*) FROM loan_status_archive WHERE loan_id = ?").param(loanId)
        .query(Long.class).single();
  }

  public static StatusSnapshot snapshot(ResultSet rs, int row) throws SQLException {
    return new StatusSnapshot(date(rs, "date"), rs.getBigDecimal("amount_due"), rs.getBigDecimal("due_interest"),
        rs.getBigDecimal("due_principal"), rs.getBigDecimal("due_fees"), rs.getBigDecimal("due_pni"),
        date(rs, "next_payment_date"), rs.getBigDecimal("next_payment_amount"), date(rs, "last_payment_date"),
        rs.getBigDecimal("last_payment_amount"), rs.getBigDecimal("principal_balance"), rs.getInt("days_past_due"),
        date(rs, "date_last_current"), rs.getBigDecimal("amount_past_due_30"), date(rs, "date_last_current_30"),
        date(rs, "first_delinquency_date"), rs.getInt("unique_delinquencies"), rs.getInt("delinquent_days"),
        rs.getBigDecimal("payoff"), rs.getBigDecimal("perdiem"),
        rs.getBigDecimal("interest_accrued_today"), date(rs, "period_start"), date(rs, "period_end"),
        rs.getInt("periods_remaining"), date(rs, "final_payment_date"), rs.getBigDecimal("final_payment_amount"),
        rs.getInt("loan_age"));
  }

  /** The driver reads a DATE straight into a LocalDate; through java.sql.Date it costs a Calendar per value. */
  private static LocalDate date(ResultSet rs, String col) throws SQLException {
    return rs.getObject(col, LocalDate.class);
  }

}
