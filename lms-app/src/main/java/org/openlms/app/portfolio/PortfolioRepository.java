package org.openlms.app.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Portfolios and sub-portfolios in a tenant database; the caller passes the tenant's JdbcClient. */
@Repository
public class PortfolioRepository {

  public long insert(JdbcClient db, Portfolio p) {
    return db.sql("""
            INSERT INTO portfolio (title, num_prefix, num_suffix, category_id, entity_type, active)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
        .params(p.title(), p.numPrefix(), p.numSuffix(), p.categoryId(), p.entityType(), p.active())
        .query(Long.class).single();
  }

  public void update(JdbcClient db, Portfolio p) {
    db.sql("""
            UPDATE portfolio SET title = ?, num_prefix = ?, num_suffix = ?, category_id = ?, entity_type = ?,
                active = ? WHERE id = ?""")
        .params(p.title(), p.numPrefix(), p.numSuffix(), p.categoryId(), p.entityType(), p.active(), p.id())
        .update();
  }

  public Optional<Portfolio> find(JdbcClient db, long id) {
    return db.sql("SELECT * FROM portfolio WHERE id = ?").param(id).query(PortfolioRepository::map).optional();
  }

  /** Locks the portfolio row: writers of one portfolio (and its sub-portfolios) go one after another. */
  public Optional<Portfolio> lock(JdbcClient db, long id) {
    return db.sql("SELECT * FROM portfolio WHERE id = ? FOR UPDATE").param(id).query(PortfolioRepository::map)
        .optional();
  }

  /** Which of {@code ids} are portfolios, in id order. */
  public List<Long> existing(JdbcClient db, Collection<Long> ids) {
    return db.sql("SELECT id FROM portfolio WHERE id = ANY(?) ORDER BY id").param(ids.toArray(Long[]::new))
        .query(Long.class).list();
  }

  public long insertSub(JdbcClient db, SubPortfolio s) {
    return db.sql("INSERT INTO sub_portfolio (portfolio_id, title, active) VALUES (?, ?, ?) RETURNING id")
        .params(s.parent(), s.title(), s.active()).query(Long.class).single();
  }

  public void updateSub(JdbcClient db, SubPortfolio s) {
    db.sql("UPDATE sub_portfolio SET title = ?, active = ? WHERE id = ?").params(s.title(), s.active(), s.id())
        .update();
  }

  public Optional<SubPortfolio> findSub(JdbcClient db, long id) {
    return db.sql("SELECT * FROM sub_portfolio WHERE id = ?").param(id).query(PortfolioRepository::mapSub)
        .optional();
  }

  /** The loan's sub-portfolios under this portfolio. */
  public List<Long> subLinks(JdbcClient db, long loanId, long portfolioId) {
    return db.sql("""
            SELECT ls.sub_portfolio_id FROM loan_sub_portfolio ls JOIN sub_portfolio s ON s.id = ls.sub_portfolio_id
            WHERE ls.loan_id = ? AND s.portfolio_id = ? ORDER BY 1""").params(loanId, portfolioId)
        .query(Long.class).list();
  }

  public static Portfolio map(ResultSet rs, int row) throws SQLException {
    int category = rs.getInt("category_id");
    Integer categoryId = rs.wasNull() ? null : category;
    return new Portfolio(rs.getLong("id"), rs.getString("title"), rs.getString("num_prefix"),
        rs.getString("num_suffix"), categoryId, rs.getString("entity_type"),
        rs.getBoolean("active"), rs.getTimestamp("created").toInstant());
  }

  public static SubPortfolio mapSub(ResultSet rs, int row) throws SQLException {
    return new SubPortfolio(rs.getLong("id"), rs.getLong("portfolio_id"), rs.getString("title"),
        rs.getBoolean("active"), rs.getTimestamp("created").toInstant());
  }
}
