package org.openlms.app.portfolio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.errors.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which loans are in which portfolios and sub-portfolios, for any caller holding a tenant's JdbcClient in its
 * transaction (the loan API, the automation rules, daily maintenance). Keeps one invariant: a loan in a
 * sub-portfolio is in its parent portfolio too. Linking a sub-portfolio links its parent; unlinking a
 * portfolio unlinks its sub-portfolios. Linking twice or unlinking what is not linked changes nothing and
 * answers false. No audit rows here: the caller records why it changed a membership.
 */
public final class PortfolioMembership {

  private PortfolioMembership() {}

  /** A loan's memberships, in id order. */
  public record Memberships(List<Long> portfolioIds, List<Long> subPortfolioIds) {
    public static final Memberships NONE = new Memberships(List.of(), List.of());
  }

  /** Puts the loan in the portfolio; false if it already was. An unknown portfolio is refused. */
  public static boolean add(JdbcClient db, long loanId, long portfolioId) {
    return addAll(db, List.of(loanId), portfolioId) > 0;
  }

  /** Takes the loan out of the portfolio and out of that portfolio's sub-portfolios; false if it was not in. */
  public static boolean remove(JdbcClient db, long loanId, long portfolioId) {
    return removeAll(db, List.of(loanId), portfolioId) > 0;
  }

  /** Puts the loan in the sub-portfolio and in its parent portfolio; false if it already was in the sub-portfolio. */
  public static boolean addSub(JdbcClient db, long loanId, long subPortfolioId) {
    return addAllSub(db, List.of(loanId), subPortfolioId) > 0;
  }

  /** Takes the loan out of the sub-portfolio (it stays in the parent portfolio); false if it was not in. */
  public static boolean removeSub(JdbcClient db, long loanId, long subPortfolioId) {
    return removeAllSub(db, List.of(loanId), subPortfolioId) > 0;
  }

  /** Puts every loan in the portfolio in one statement; returns how many were not in it yet. */
  public static int addAll(JdbcClient db, Collection<Long> loanIds, long portfolioId) {
    requirePortfolio(db, portfolioId);
    return db.sql("""
            INSERT INTO loan_portfolio (loan_id, portfolio_id) SELECT unnest(?::bigint[]), ?
            ON CONFLICT DO NOTHING""").params(ids(loanIds), portfolioId).update();
  }

  /** Takes every loan out of the portfolio and its sub-portfolios; returns how many were in it. */
  public static int removeAll(JdbcClient db, Collection<Long> loanIds, long portfolioId) {
    Long[] loans = ids(loanIds);
    db.sql("""
            DELETE FROM loan_sub_portfolio WHERE loan_id = ANY(?)
              AND sub_portfolio_id IN (SELECT id FROM sub_portfolio WHERE portfolio_id = ?)""")
        .params(loans, portfolioId).update();
    return db.sql("DELETE FROM loan_portfolio WHERE loan_id = ANY(?) AND portfolio_id = ?")
        .params(loans, portfolioId).update();
  }

  /** Puts every loan in the sub-portfolio and its parent; returns how many were not in the sub-portfolio yet. */
  public static int addAllSub(JdbcClient db, Collection<Long> loanIds, long subPortfolioId) {
    long parent = db.sql("SELECT portfolio_id FROM sub_portfolio WHERE id = ?").param(subPortfolioId)
        .query(Long.class).optional()
        .orElseThrow(() -> new InvalidInputException("SubPortfolios: sub-portfolio " + subPortfolioId
            + " does not exist"));
    addAll(db, loanIds, parent);
    return db.sql("""
            INSERT INTO loan_sub_portfolio (loan_id, sub_portfolio_id) SELECT unnest(?::bigint[]), ?
            ON CONFLICT DO NOTHING""").params(ids(loanIds), subPortfolioId).update();
  }

  public static int removeAllSub(JdbcClient db, Collection<Long> loanIds, long subPortfolioId) {
    return db.sql("DELETE FROM loan_sub_portfolio WHERE loan_id = ANY(?) AND sub_portfolio_id = ?")
        .params(ids(loanIds), subPortfolioId).update();
  }

  /** The memberships of each of {@code loanIds} (every id is a key; a loan in nothing has empty lists). */
  public static Map<Long, Memberships> of(JdbcClient db, Collection<Long> loanIds) {
    Map<Long, List<Long>> portfolios = new LinkedHashMap<>();
    Map<Long, List<Long>> subs = new LinkedHashMap<>();
    for (Long id : loanIds) {
      portfolios.put(id, new ArrayList<>());
      subs.put(id, new ArrayList<>());
    }
    Long[] loans = ids(loanIds);
    db.sql("SELECT loan_id, portfolio_id FROM loan_portfolio WHERE loan_id = ANY(?) ORDER BY loan_id, portfolio_id")
        .param(loans).query(rs -> {
          portfolios.get(rs.getLong(1)).add(rs.getLong(2));
        });
    db.sql("""
            SELECT loan_id, sub_portfolio_id FROM loan_sub_portfolio WHERE loan_id = ANY(?)
            ORDER BY loan_id, sub_portfolio_id""")
        .param(loans).query(rs -> {
          subs.get(rs.getLong(1)).add(rs.getLong(2));
        });
    Map<Long, Memberships> out = new LinkedHashMap<>();
    portfolios.forEach((id, p) -> out.put(id, new Memberships(List.copyOf(p), List.copyOf(subs.get(id)))));
    return out;
  }

  private static void requirePortfolio(JdbcClient db, long portfolioId) {
    if (db.sql("SELECT count(*) FROM portfolio WHERE id = ?").param(portfolioId).query(Long.class).single() == 0) {
      throw new InvalidInputException("Portfolios: portfolio " + portfolioId + " does not exist");
    }
  }

  private static Long[] ids(Collection<Long> loanIds) {
    return loanIds.toArray(Long[]::new);
  }
}
