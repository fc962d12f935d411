package org.openlms.app.api.odata.customers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.customer.Address;
import org.openlms.app.errors.InvalidInputException;
import tools.jackson.databind.JsonNode;

/** LoanPro's Address entity (a customer's PrimaryAddress or MailAddress) in and out. */
final class AddressJson {

  /** Writable fields, plus those LoanPro answers and clients send back (accepted, ignored: they are derived). */
  private static final Set<String> KNOWN = Set.of("__metadata", "__update", "__id", "id", "address1", "address2",
      "city", "state", "zipcode", "country", "created", "active", "isVerified", "isStandardized", "geoLat", "geoLon");
  private static final Pattern STATE = Pattern.compile("geo\\.state\\.[A-Za-z]{2,3}");
  private static final Pattern COUNTRY = Pattern.compile("company\\.country\\.[a-z]{2,30}");

  private AddressJson() {}

  /** Reads the fields present in {@code node} over {@code base} (null when the customer has none yet). */
  static Address read(String name, JsonNode node, Address base) {
    if (!node.isObject()) {
      throw new InvalidInputException(name + " must be an object");
    }
    FieldReader r = new FieldReader(name, node);
    for (String field : node.propertyNames()) {
      if (!KNOWN.contains(field)) {
        r.fail(FieldReader.clip(field), "unknown field");
      }
    }
    Address b = base == null ? Address.EMPTY : base;
    Address a = new Address(b.id(), text(r, node, "address1", 200, b.address1()),
        text(r, node, "address2", 200, b.address2()), text(r, node, "city", 100, b.city()),
        code(r, node, "state", STATE, "a state code such as geo.state.CO", b.state()),
        text(r, node, "zipcode", 20, b.zipcode()),
        code(r, node, "country", COUNTRY, "a country code such as company.country.usa", b.country()));
    r.throwIfInvalid();
    return a;
  }

  /** A present field replaces the old value (JSON null clears it); an absent one keeps it. */
  static String text(FieldReader r, JsonNode node, String field, int max, String old) {
    return node.has(field) ? r.text(field, max) : old;
  }

  static String code(FieldReader r, JsonNode node, String field, Pattern pattern, String what, String old) {
    String v = text(r, node, field, 60, old);
    if (node.has(field) && v != null && !pattern.matcher(v).matches()) {
      r.fail(field, "must be " + what);
    }
    return v;
  }

  static Map<String, Object> view(Address a, String base) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + "Address(id=" + a.id() + ")", "type", "Entity.Address"));
    m.put("id", a.id());
    m.put("address1", a.address1());
    m.put("address2", a.address2());
    m.put("city", a.city());
    m.put("state", a.state());
    m.put("zipcode", a.zipcode());
    m.put("country", a.country());
    return m;
  }
}
