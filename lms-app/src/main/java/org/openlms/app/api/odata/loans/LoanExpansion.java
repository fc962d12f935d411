package org.openlms.app.api.odata.loans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.loan.LoanService;
import org.openlms.app.loan.LoanService.LoanView;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.tenancy.Tenant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Renders a page of loans with their {@code $expand}ed navigations, wherever loans are answered (the Loans set,
 * {@code Loans(id)}, {@code Customers(id)/Loans}, a customer's expanded Loans). The loans are read in one query
 * and each navigation in one query for the whole page where its rows are stored, so a page costs a few queries,
 * not a few per loan. Expanded collections page as LoanPro's do: the first {@value #PAGE} rows and an absolute
 * {@code __next} URL for the rest, which is the navigation's own endpoint.
 */
@Component
public class LoanExpansion {

  public static final int PAGE = 50;
  private final LoanService loans;
  // Lazily: some navigations (Customers) answer loans too, and so depend on this.
  private final ObjectProvider<LoanNavigations> navigations;

  LoanExpansion(LoanService loans, ObjectProvider<LoanNavigations> navigations) {
    this.loans = loans;
    this.navigations = navigations;
  }

  /**
   * The loans among {@code ids} that are live, in the order of {@code ids}, each rendered with the navigations
   * of {@code expand} (from {@link LoanJson#expand}); the caller has checked that {@code r} reaches them.
   */
  public List<Map<String, Object>> render(Tenant tenant, PortfolioRestriction r, List<Long> ids,
      Map<String, String> expand, String base) {
    navigations.orderedStream().forEach(n -> n.names().stream().filter(expand::containsKey)
        .forEach(name -> n.checkExpand(name, expand.get(name))));
    Map<Long, LoanView> views = loans.getAll(tenant, ids);
    List<Long> found = ids.stream().filter(views::containsKey).toList();
    Map<String, Map<Long, List<?>>> collections = new LinkedHashMap<>();
    if (!found.isEmpty()) {
      navigations.orderedStream().forEach(n -> n.names().stream().filter(expand::containsKey).forEach(name ->
          collections.put(name, n.expand(name, tenant, r, found, PAGE, expand.get(name)))));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (long id : found) {
      Map<String, Object> expanded = new LinkedHashMap<>();
      collections.forEach((name, rows) -> expanded.put(name,
          page(rows.get(id), base + "Loans(id=" + id + ")/" + name, expand.get(name))));
      out.add(LoanJson.view(views.get(id), expand.keySet(), base, expanded));
    }
    return out;
  }

  /**
   * {@code {"results":[first PAGE rows]}} of {@code rows} (up to PAGE + 1 of them), with {@code "__next"}
   * pointing at the navigation URL {@code uri} (keeping a nested {@code $expand}) when there are more.
   */
  public static Map<String, Object> page(List<?> rows, String uri, String nested) {
    Map<String, Object> collection = new LinkedHashMap<>();
    collection.put("results", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
    if (rows.size() > PAGE) {
      collection.put("__next", uri + "?$skip=" + PAGE + "&$top=" + PAGE + (nested == null ? "" : "&$expand=" + nested));
    }
    return collection;
  }
}
