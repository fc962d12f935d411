package org.openlms.app.api.odata.loans;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.customer.CustomerRole;
import org.openlms.app.customer.LoanLink;
import org.openlms.app.errors.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code "Customers":{"results":[{"__id":7,"__setLoanRole":"loan.customerRole.primary"}]}} in a loan PUT;
 * {@code "__destroy":true} unlinks. LoanPro silently drops a bare array here; we refuse it and say why.
 */
final class LoanCustomersJson {

  private static final int MAX_LINKS = 100;
  private static final Set<String> KNOWN = Set.of("__id", "__setLoanRole", "__destroy", "__update", "__metadata");
  private static final Pattern URI_ID = Pattern.compile("Customers\\(id=(\\d{1,18})\\)$");

  private LoanCustomersJson() {}

  static List<LoanLink> read(JsonNode node) {
    if (node.isArray()) {
      throw new InvalidInputException("Customers must be written as {\"results\":[...]}; a bare array is not "
          + "accepted (LoanPro would ignore it and link nobody)");
    }
    if (!node.isObject() || !node.has("results") || !node.get("results").isArray() || node.size() != 1) {
      throw new InvalidInputException("Customers must be an object with only a \"results\" array");
    }
    JsonNode results = node.get("results");
    if (results.size() > MAX_LINKS) {
      throw new InvalidInputException("Customers: at most " + MAX_LINKS + " links per request");
    }
    List<LoanLink> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      out.add(link(results.get(i), "Customers.results[" + i + "]"));
    }
    return out;
  }

  private static LoanLink link(JsonNode item, String name) {
    if (!item.isObject()) {
      throw new InvalidInputException(name + " must be an object");
    }
    FieldReader r = new FieldReader(name, item);
    for (String field : item.propertyNames()) {
      if (!KNOWN.contains(field)) {
        r.fail(FieldReader.clip(field), "unknown field");
      }
    }
    Integer id = item.has("__id") ? r.integer("__id") : uriId(item);
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

  /** The SDK may reference the customer by {@code __metadata.uri} ({@code .../Customers(id=7)}) instead. */
  private static Integer uriId(JsonNode item) {
    JsonNode uri = item.path("__metadata").path("uri");
    Matcher m = URI_ID.matcher(uri.isString() ? uri.asString() : "");
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }
}
