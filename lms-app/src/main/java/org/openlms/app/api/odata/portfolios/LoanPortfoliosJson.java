package org.openlms.app.api.odata.portfolios;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.api.odata.NestedResults;
import org.openlms.app.portfolio.PortfolioLink;
import tools.jackson.databind.JsonNode;

/**
 * Reads a loan payload's {@code "Portfolios":{"results":[...]}} or {@code "SubPortfolios":{"results":[...]}}:
 * each entry names its portfolio by {@code __metadata.uri} ({@code /api/1/odata.svc/Portfolios(id=3)}, as the
 * SDK's AddPortfolio sends it) or by {@code __id}; {@code "__destroy":true} unlinks (the SDK's RemPortfolio).
 */
public final class LoanPortfoliosJson {

  private static final Set<String> KNOWN = Set.of("__id", "__metadata", "__destroy", "__update");

  private LoanPortfoliosJson() {}

  /** @param set {@code Portfolios} or {@code SubPortfolios} */
  public static List<PortfolioLink> read(String set, JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    String type = set.equals("Portfolios") ? "Entity.Portfolio" : "Entity.SubPortfolio";
    List<JsonNode> items = NestedResults.items(set, node);
    List<PortfolioLink> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      FieldReader r = new FieldReader(set + ".results[" + i + "]", item);
      for (String field : item.propertyNames()) {
        if (!KNOWN.contains(field)) {
          r.fail(FieldReader.clip(field), "unknown field");
        }
      }
      JsonNode given = item.path("__metadata").path("type");
      if (!given.isMissingNode() && !(given.isString() && given.asString().equals(type))) {
        r.fail("__metadata.type", "must be " + type);
      }
      Integer id = item.has("__id") ? r.integer("__id") : NestedResults.uriId(item, set);
      if (id == null && r.errors().isEmpty()) {
        r.fail("__id", "is required (or __metadata.uri ending in " + set + "(id=N))");
      } else if (id != null && id <= 0) {
        r.fail("__id", "must be a positive id");
      }
      boolean destroy = Boolean.TRUE.equals(r.flag("__destroy"));
      r.throwIfInvalid();
      out.add(new PortfolioLink(id, destroy));
    }
    return out;
  }
}
