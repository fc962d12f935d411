package org.openlms.app.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.openlms.app.api.odata.query.SqlFragment;

/**
 * What a caller may see: the whole tenant ({@link #NONE}), or only loans linked to at least one of
 * {@code portfolioIds}, the customers of those loans, and those portfolios. Resolved from the API token at the
 * edge and passed down explicitly, like the tenant. The conditions below are SQL with the ids as one array
 * parameter, so lists, counts and pages are restricted in the database, never filtered afterwards.
 */
public record PortfolioRestriction(List<Long> portfolioIds) {

  public static final PortfolioRestriction NONE = new PortfolioRestriction(null);

  public PortfolioRestriction {
    portfolioIds = portfolioIds == null ? null : List.copyOf(portfolioIds);
  }

  public static PortfolioRestriction of(List<Long> portfolioIds) {
    return portfolioIds == null ? NONE : new PortfolioRestriction(portfolioIds);
  }

  public boolean restricted() {
    return portfolioIds != null;
  }

  public boolean allowsPortfolio(long portfolioId) {
    return !restricted() || portfolioIds.contains(portfolioId);
  }

  /** {@code loanIdColumn} is a loan in one of the portfolios; null when unrestricted. */
  public SqlFragment loans(String loanIdColumn) {
    return restricted() ? new SqlFragment(loanIdColumn
        + " IN (SELECT loan_id FROM loan_portfolio WHERE portfolio_id = ANY(?))", List.of((Object) ids())) : null;
  }

  /** {@code customerIdColumn} is a customer of a live loan in one of the portfolios; null when unrestricted. */
  public SqlFragment customers(String customerIdColumn) {
    return restricted() ? new SqlFragment(customerIdColumn + " IN (SELECT lc.customer_id FROM loan_customer lc"
        + " JOIN loan_portfolio lp ON lp.loan_id = lc.loan_id JOIN loan l ON l.id = lc.loan_id"
        + " WHERE lp.portfolio_id = ANY(?) AND NOT l.deleted)", List.of((Object) ids())) : null;
  }

  /** {@code portfolioIdColumn} is one of the portfolios; null when unrestricted. */
  public SqlFragment portfolios(String portfolioIdColumn) {
    return restricted() ? new SqlFragment(portfolioIdColumn + " = ANY(?)", List.of((Object) ids())) : null;
  }

  /** {@code fixed} (may be null) and {@code condition} (may be null) joined with AND; null when both are. */
  public static SqlFragment and(SqlFragment fixed, SqlFragment condition) {
    if (fixed == null || condition == null) {
      return fixed == null ? condition : fixed;
    }
    List<Object> params = new ArrayList<>(fixed.params());
    params.addAll(condition.params());
    return new SqlFragment("(" + fixed.sql() + ") AND " + condition.sql(), params);
  }

  /** For messages: "3, 4". */
  public String describe() {
    return restricted() ? portfolioIds.stream().map(String::valueOf).collect(Collectors.joining(", ")) : "all";
  }

  private Long[] ids() {
    return portfolioIds.toArray(Long[]::new);
  }
}
