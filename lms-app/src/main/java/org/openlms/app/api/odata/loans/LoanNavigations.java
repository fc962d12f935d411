package org.openlms.app.api.odata.loans;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.tenancy.Tenant;

/**
 * Navigations of a loan served by other controllers ({@code Loans(id)/StatusArchive}, {@code /Customers}, ...),
 * so {@code $expand} of a loan gives exactly what the navigation URL gives.
 */
public interface LoanNavigations {

  Set<String> names();

  /**
   * The navigation's answer for one loan, as its endpoint returns it ({@code {"d":{"results":[...],"summary":...}}}).
   * The caller has already checked that {@code r} reaches the loan.
   */
  Map<String, Object> page(String name, Tenant tenant, PortfolioRestriction r, long loanId,
      ODataQueryOptions options);

  /**
   * The rows of {@code $expand=name} for a loan the caller has just read (and checked that {@code r} reaches):
   * the endpoint's first {@code limit + 1} rows, so the caller can tell whether a {@code __next} link is due.
   * Implementations may skip what the endpoint does beyond that (reading the loan again, counting the rows).
   */
  default List<?> expand(String name, Tenant tenant, PortfolioRestriction r, long loanId, int limit) {
    ODataQueryOptions first = new ODataQueryOptions(null, null, String.valueOf(limit + 1), null, null, null, null,
        null);
    return (List<?>) ((Map<?, ?>) page(name, tenant, r, loanId, first).get("d")).get("results");
  }
}
