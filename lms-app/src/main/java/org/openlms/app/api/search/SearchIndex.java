package org.openlms.app.api.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.errors.InvalidInputException;

/**
 * A searchable set: its SQL source (a subquery aliased {@code doc}, developer-written) and its fields in answer
 * order. Only declared fields can be queried, sorted or aggregated.
 */
public record SearchIndex(String name, String from, String keyColumn, Map<String, SearchField> fields) {

  public SearchIndex {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  static SearchIndex of(String name, String from, String keyColumn, List<SearchField> fields) {
    Map<String, SearchField> m = new LinkedHashMap<>();
    fields.forEach(f -> m.put(f.name(), f));
    return new SearchIndex(name, from, keyColumn, m);
  }

  SearchField field(String name) {
    SearchField f = fields.get(name);
    if (f == null) {
      throw new InvalidInputException("Search: unknown field '" + SearchParser.clip(name) + "' for " + this.name
          + " (known: " + String.join(", ", fields.keySet()) + ")");
    }
    return f;
  }
}
