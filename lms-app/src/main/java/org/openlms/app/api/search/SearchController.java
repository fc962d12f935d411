package org.openlms.app.api.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.api.search.SearchRequest.SortKey;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST Loans/Autopal.Search()} and {@code POST Customers/Autopal.Search()} (also under {@code odata.svc},
 * either spelling of the namespace). Pages with body {@code size}/{@code from} or the query parameters
 * {@code $top}/{@code $start} (which win), 10 rows by default as LoanPro's search; {@code nopaging} returns all.
 */
@RestController
@RequestMapping("/api/public/api/1")
class SearchController {

  static final int DEFAULT_SIZE = 10;
  private final TenantTransactions tx;

  SearchController(TenantTransactions tx) {
    this.tx = tx;
  }

  @PostMapping({"/Loans/Autopal.Search()", "/Loans/AutoPal.Search()", "/odata.svc/Loans/Autopal.Search()",
      "/odata.svc/Loans/AutoPal.Search()"})
  Map<String, Object> loans(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options,
      @RequestBody(required = false) JsonNode body) {
    return search(tenant, SearchIndexes.LOANS, options, body, r.loans("id"));
  }

  @PostMapping({"/Customers/Autopal.Search()", "/Customers/AutoPal.Search()",
      "/odata.svc/Customers/Autopal.Search()", "/odata.svc/Customers/AutoPal.Search()"})
  Map<String, Object> customers(Tenant tenant, PortfolioRestriction r, ODataQueryOptions options,
      @RequestBody(required = false) JsonNode body) {
    return search(tenant, SearchIndexes.CUSTOMERS, options, body, r.customers("id"));
  }

  /** {@code within}: the caller's restriction, applied in SQL so hits, totals and aggregations respect it. */
  private Map<String, Object> search(Tenant tenant, SearchIndex index, ODataQueryOptions o, JsonNode body,
      SqlFragment within) {
    if (o.filter() != null || o.select() != null || o.expand() != null) {
      throw new InvalidInputException("Search takes its conditions in the body; $filter, $select and $expand "
          + "are not supported here");
    }
    SearchRequest req = SearchParser.parse(body);
    if (o.orderBy() != null) {
      req = new SearchRequest(req.query(), orderBy(o.orderBy()), req.size(), req.from(), req.aggregations());
    }
    boolean all = o.nopaging() != null && !o.nopaging().equalsIgnoreCase("false");
    Integer size = o.top() != null ? param(o.top(), "$top", SearchParser.MAX_SIZE)
        : req.size() != null ? req.size() : DEFAULT_SIZE;
    String startParam = o.start() != null ? o.start() : o.skip();
    int from = startParam != null ? param(startParam, o.start() != null ? "$start" : "$skip", SearchParser.MAX_FROM)
        : req.from() != null ? req.from() : 0;
    return SearchRunner.run(tx.jdbc(tenant), index, req, all ? null : size, from, within);
  }

  /** {@code $orderby=daysPastDue desc,displayId}: the SDK's way to sort a search. */
  private static List<SortKey> orderBy(String raw) {
    List<SortKey> out = new ArrayList<>();
    for (String part : raw.split(",")) {
      String[] words = part.strip().split("\\s+");
      boolean desc = words.length == 2 && words[1].equalsIgnoreCase("desc");
      if (words.length > 2 || words[0].isEmpty() || (words.length == 2 && !desc && !words[1].equalsIgnoreCase("asc"))) {
        throw new InvalidInputException("$orderby must be field [asc|desc], separated by commas");
      }
      out.add(new SortKey(words[0], desc));
    }
    if (out.size() > 10) {
      throw new InvalidInputException("$orderby takes at most 10 keys");
    }
    return out;
  }

  private static int param(String raw, String name, int max) {
    String s = raw.strip();
    if (!s.matches("\\d{1,9}") || Integer.parseInt(s) > max) {
      throw new InvalidInputException(name + " must be a whole number from 0 to " + max);
    }
    return Integer.parseInt(s);
  }
}
