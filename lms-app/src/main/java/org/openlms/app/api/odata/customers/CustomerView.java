package org.openlms.app.api.odata.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.api.odata.ExpandPaths;
import org.openlms.app.api.odata.loans.LoanJson;
import org.openlms.app.customer.Address;
import org.openlms.app.customer.Customer;
import org.openlms.app.customer.CustomerRole;
import org.openlms.app.errors.InvalidInputException;

/** The Customer entity as LoanPro answers it; the SSN is always masked to its last four digits. */
final class CustomerView {

  private static final Set<String> EXPANDABLE = Set.of("PrimaryAddress", "MailAddress", "Loans");

  private CustomerView() {}

  /**
   * @param role  the customer's role on the loan it was reached through, or null
   * @param loans the rendered Loans collection ({@code {"results":[...]}}) when Loans is expanded, else null
   */
  static Map<String, Object> of(Customer c, Set<String> expand, CustomerRole role, Map<String, Object> loans,
      String base) {
    String key = "Customers(id=" + c.id() + ")";
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + key, "type", "Entity.Customer"));
    m.put("id", c.id());
    m.put("customId", c.customId());
    m.put("customerType", c.customerType());
    m.put("customerIdType", c.customerIdType());
    m.put("status", c.status());
    m.put("firstName", c.firstName());
    m.put("middleName", c.middleName());
    m.put("lastName", c.lastName());
    m.put("birthDate", ODataFormat.date(c.birthDate()));
    m.put("gender", c.gender());
    m.put("generationCode", c.generationCode());
    m.put("email", c.email());
    m.put("ssn", c.maskedSsn());
    m.put("driverLicense", c.driverLicense());
    m.put("companyName", c.companyName());
    m.put("contactName", c.contactName());
    m.put("creditLimit", ODataFormat.money(c.creditLimit()));
    m.put("primaryPhone", c.primaryPhone());
    m.put("active", c.active() ? 1 : 0);
    m.put("created", ODataFormat.date(c.created()));
    m.put("lastUpdate", ODataFormat.date(c.lastUpdate()));
    if (role != null) {
      m.put("loanRole", role.code());
    }
    for (String nav : CustomerJson.NAVIGATIONS) {
      if (expand.contains(nav) && nav.equals("PrimaryAddress")) {
        m.put(nav, address(c.primaryAddress(), base));
      } else if (expand.contains(nav) && nav.equals("MailAddress")) {
        m.put(nav, address(c.mailAddress(), base));
      } else if (expand.contains(nav) && nav.equals("Loans")) {
        m.put(nav, loans);
      } else {
        m.put(nav, Map.of("__deferred", Map.of("uri", key + "/" + nav)));
      }
    }
    return m;
  }

  private static Object address(Address a, String base) {
    return a == null ? null : AddressJson.view(a, base);
  }

  /**
   * Validates {@code $expand} against the navigations this server can expand today: each with the rest of its
   * paths, which only Loans may have ({@code Loans/StatusArchive}, validated as a loan's {@code $expand}).
   */
  static Map<String, String> expand(String raw) {
    Map<String, String> out = ExpandPaths.parse(raw, CustomerJson.NAVIGATIONS, EXPANDABLE, Set.of("Loans"));
    LoanJson.expand(out.get("Loans"));
    return out;
  }

  private static String clip(String s) {
    return org.openlms.app.api.odata.FieldReader.clip(s);
  }
}
