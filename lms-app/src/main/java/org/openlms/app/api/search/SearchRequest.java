package org.openlms.app.api.search;

import java.util.List;

/**
 * A whole search body: the query, sort keys, paging from the body ({@code size}, {@code from}; null when
 * absent) and aggregations.
 */
public record SearchRequest(SearchQuery query, List<SortKey> sort, Integer size, Integer from,
    List<Aggregation> aggregations) {

  public SearchRequest {
    sort = List.copyOf(sort);
    aggregations = List.copyOf(aggregations);
  }

  public record SortKey(String field, boolean descending) {}

  /** {@code "name":{"sum":{"field":"loanAmount"}}}; function is sum, avg, min, max or value_count. */
  public record Aggregation(String name, String function, String field) {}
}
