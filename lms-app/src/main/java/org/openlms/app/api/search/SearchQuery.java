package org.openlms.app.api.search;

import java.util.List;

/**
 * The parsed query tree. Values are scalars as the client wrote them (String, BigDecimal or Boolean); the
 * translator checks them against the field's type.
 */
public sealed interface SearchQuery {

  record MatchAll() implements SearchQuery {}

  /** {@code match}: words of a text field (any of them, or all with {@code operator: and}); equality otherwise. */
  record Match(String field, Object value, boolean all) implements SearchQuery {}

  /**
   * {@code term} (one value) and {@code terms} (any of the values): exact values, no word splitting; on a text
   * field a value matches as one whole word or phrase, case-insensitively.
   */
  record Terms(String field, List<Object> values) implements SearchQuery {
    public Terms {
      values = List.copyOf(values);
    }
  }

  /** {@code range} with any of gt, gte, lt, lte (null when absent). */
  record Range(String field, Object gt, Object gte, Object lt, Object lte) implements SearchQuery {}

  /** {@code query_string}: whitespace-separated terms with {@code *} and {@code ?} wildcards. */
  record QueryString(String query, List<String> fields, boolean all) implements SearchQuery {}

  record Exists(String field) implements SearchQuery {}

  /**
   * {@code bool}. {@code minimumShouldMatch} null means Elasticsearch's default: 1 when there is no must or
   * filter clause, else 0.
   */
  record Bool(List<SearchQuery> must, List<SearchQuery> filter, List<SearchQuery> should,
      List<SearchQuery> mustNot, Integer minimumShouldMatch) implements SearchQuery {
    public Bool {
      must = List.copyOf(must);
      filter = List.copyOf(filter);
      should = List.copyOf(should);
      mustNot = List.copyOf(mustNot);
    }
  }
}
