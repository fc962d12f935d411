package org.openlms.app.api.odata.loans;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.errors.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * A nested collection of a PUT, as LoanPro writes it: {@code "Payments":{"results":[{...}]}}. Each element is an
 * object with only known fields; one with {@code __id} changes an existing row, any other is a new one. Problems
 * are reported per element ({@code Payments[1].amount: ...}).
 *
 * @param added    the new rows, in request order
 * @param existing the changes to existing rows, in request order
 */
record NestedResults<N, E>(List<N> added, List<E> existing) {

  static <N, E> NestedResults<N, E> read(String name, JsonNode node, Set<String> known,
      Function<FieldReader, N> newRow, Function<FieldReader, E> existingRow) {
    JsonNode results = node == null || !node.isObject() ? null : node.get("results");
    if (results == null || !results.isArray()) {
      throw new InvalidInputException(name + " must be an object with a results array");
    }
    List<N> added = new ArrayList<>();
    List<E> existing = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      JsonNode element = results.get(i);
      if (!element.isObject()) {
        throw new InvalidInputException(name + ".results[" + i + "] must be an object");
      }
      FieldReader r = new FieldReader(name + "[" + i + "]", element);
      for (String field : element.propertyNames()) {
        if (!known.contains(field)) {
          r.fail(FieldReader.clip(field), "unknown field");
        }
      }
      if (r.has("__id")) {
        existing.add(existingRow.apply(r));
      } else {
        added.add(newRow.apply(r));
      }
      r.throwIfInvalid();
    }
    return new NestedResults<>(added, existing);
  }

  /**
   * The id of an existing row that can only be removed ({@code {"__id":N,"__destroy":true}}, or {@code __delete}),
   * never changed in place: {@code what} names it in the refusal ("an existing adjustment").
   */
  static Long destroyed(FieldReader r, String what) {
    Integer id = r.integer("__id");
    if (!Boolean.TRUE.equals(r.flag("__destroy")) && !Boolean.TRUE.equals(r.flag("__delete"))) {
      r.fail("__destroy", what + " can only be removed ({\"__id\":N,\"__destroy\":true}); "
          + "remove it and add another to change it");
    }
    r.throwIfInvalid();
    return id.longValue();
  }
}
