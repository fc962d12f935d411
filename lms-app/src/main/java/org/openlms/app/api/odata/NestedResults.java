package org.openlms.app.api.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openlms.app.errors.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * A nested collection in a write payload, {@code "Customers":{"results":[...]}}, as LoanPro's clients send it.
 * LoanPro silently drops a bare array; we refuse it and say why. Entries may name their entity by {@code __id}
 * or by {@code __metadata.uri} ({@code /api/1/odata.svc/Portfolios(id=3)}).
 */
public final class NestedResults {

  public static final int MAX_ITEMS = 100;

  private NestedResults() {}

  /** The entries of {@code node}, each checked to be an object. */
  public static List<JsonNode> items(String name, JsonNode node) {
    if (node.isArray()) {
      throw new InvalidInputException(name + " must be written as {\"results\":[...]}; a bare array is not "
          + "accepted (LoanPro would ignore it and change nothing)");
    }
    if (!node.isObject() || !node.has("results") || !node.get("results").isArray() || node.size() != 1) {
      throw new InvalidInputException(name + " must be an object with only a \"results\" array");
    }
    JsonNode results = node.get("results");
    if (results.size() > MAX_ITEMS) {
      throw new InvalidInputException(name + ": at most " + MAX_ITEMS + " entries per request");
    }
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).isObject()) {
        throw new InvalidInputException(name + ".results[" + i + "] must be an object");
      }
      out.add(results.get(i));
    }
    return out;
  }

  /** The key in {@code __metadata.uri} for entity set {@code set} ({@code Set(id=N)} or {@code Set(N)}), if any. */
  public static Integer uriId(JsonNode item, String set) {
    JsonNode uri = item.path("__metadata").path("uri");
    Matcher m = Pattern.compile("(?<![A-Za-z])" + set + "\\((?:id=)?(\\d{1,9})\\)$")
        .matcher(uri.isString() ? uri.asString() : "");
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
