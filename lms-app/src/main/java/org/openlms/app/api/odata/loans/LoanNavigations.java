package org.openlms.app.api.odata.loans;

import java.util.LinkedHashMap;
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

  /** Refuses (409) a nested {@code $expand} ({@code PrimaryAddress} of {@code Customers/PrimaryAddress}) it can't serve. */
  default void checkExpand(String name, String nested) {}

  /**
   * The rows of {@code $expand=name} for loans the caller has just read (and checked that {@code r} reaches):
   * for each loan, the endpoint's first {@code limit + 1} rows, so the caller can tell whether a {@code __next}
   * link is due. {@code nested} is the rest of an expand path ({@code PrimaryAddress} of
   * {@code Customers/PrimaryAddress}), or null. This default asks the endpoint once per loan; navigations
   * stored in one table override it with one query for all the loans.
   */
  default Map<Long, List<?>> expand(String name, Tenant tenant, PortfolioRestriction r, List<Long> loanIds,
      int limit, String nested) {
    ODataQueryOptions first = new ODataQueryOptions(null, null, String.valueOf(limit + 1), null, null, null,
        nested, null);
    Map<Long, List<?>> out = new LinkedHashMap<>();
    for (long id : loanIds) {
      out.put(id, (List<?>) ((Map<?, ?>) page(name, tenant, r, id, first).get("d")).get("results"));
    }
    return out;
  }
}
