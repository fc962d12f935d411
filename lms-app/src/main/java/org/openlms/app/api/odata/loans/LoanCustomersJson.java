package org.openlms.app.api.odata.loans;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.api.odata.NestedResults;
import org.openlms.app.customer.CustomerRole;
import org.openlms.app.customer.LoanLink;
import org.openlms.app.errors.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code "Customers":{"results":[{"__id":7,"__setLoanRole":"loan.customerRole.primary"}]}} in a loan PUT;
 * {@code "__destroy":true} unlinks. The customer is named by {@code __id} or {@code __metadata.uri}.
 */
final class LoanCustomersJson {

  private static final Set<String> KNOWN = Set.of("__id", "__setLoanRole", "__destroy", "__update", "__metadata");

  private LoanCustomersJson() {}

  static List<LoanLink> read(JsonNode node) {
    List<JsonNode> items = NestedResults.items("Customers", node);
    List<LoanLink> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(link(items.get(i), "Customers.results[" + i + "]"));
    }
    return out;
  }

  private static LoanLink link(JsonNode item, String name) {
    FieldReader r = new FieldReader(name, item);
    for (String field : item.propertyNames()) {
      if (!KNOWN.contains(field)) {
        r.fail(FieldReader.clip(field), "unknown field");
      }
    }
    Integer id = item.has("__id") ? r.integer("__id") : NestedResults.uriId(item, "Customers");
    if (id == null && r.errors().isEmpty()) {
      r.fail("__id", "is required (the customer's id)");
    } else if (id != null && id <= 0) {
      r.fail("__id", "must be a positive id");
    }
    boolean destroy = Boolean.TRUE.equals(r.flag("__destroy"));
    String code = r.text("__setLoanRole", 60);
    CustomerRole role = code == null ? null : CustomerRole.fromCode(code.strip()).orElse(null);
    if (code != null && role == null) {
      r.fail("__setLoanRole", "must be loan.customerRole.primary, .secondary or .additional");
    } else if (code == null && !destroy) {
      r.fail("__setLoanRole", "is required to link a customer (or send \"__destroy\":true to unlink)");
    }
    r.throwIfInvalid();
    return new LoanLink(id, destroy ? null : role, destroy);
  }
}
