package org.openlms.app.api.odata.customers;

import static org.openlms.app.api.odata.customers.AddressJson.code;
import static org.openlms.app.api.odata.customers.AddressJson.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.customer.Address;
import org.openlms.app.customer.Customer;
import org.openlms.app.errors.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * Reads LoanPro's customer payloads. The result is a change applied to the customer as stored (or to a blank
 * one on create): present fields replace, JSON null clears, absent fields stay. Problems are reported per field.
 */
final class CustomerJson {

  static final List<String> NAVIGATIONS = List.of("PrimaryAddress", "MailAddress", "Employer", "References",
      "PaymentAccounts", "Phones", "CustomFieldValues", "Documents", "CreditScore", "Loans", "SocialProfiles",
      "Notes");
  /** Fields clients send back as they read them; they are ours to set, so they are accepted and ignored. */
  private static final Set<String> IGNORED = Set.of("__metadata", "__update", "__id", "__ignoreWarnings", "id",
      "created", "lastUpdate", "loanRole", "mcId", "customerId", "hasAvatar", "creditScoreId", "ofacMatch",
      "ofacTested");
  /** The masked form this API answers; sent back unchanged (a GET then PUT), it keeps the stored SSN. */
  private static final Pattern MASKED_SSN = Pattern.compile("\\*{3}-\\*{2}-\\d{0,4}");
  private static final Set<String> FIELDS = Set.of("customerType", "customerIdType", "customId", "status",
      "firstName", "middleName", "lastName", "birthDate", "gender", "generationCode", "email", "ssn",
      "driverLicense", "companyName", "contactName", "creditLimit", "primaryPhone", "active", "PrimaryAddress",
      "MailAddress");
  private static final Pattern TYPE = Pattern.compile("customer\\.type\\.(individual|company)");
  private static final Pattern ID_TYPE = Pattern.compile("customer\\.idType\\.[A-Za-z]{1,30}");
  private static final Pattern GENDER = Pattern.compile("customer\\.gender\\.[A-Za-z]{1,30}");
  private static final Pattern GENERATION = Pattern.compile("customer\\.generationCode\\.[A-Za-z0-9]{1,30}");
  private static final Pattern SSN = Pattern.compile("[0-9 -]{0,20}");

  private CustomerJson() {}

  static Customer blank() {
    return new Customer(null, Customer.INDIVIDUAL, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, true, null, null, null, null);
  }

  /** Validates the payload now (so a bad body is refused before any work) and returns the change. */
  static UnaryOperator<Customer> read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("The request body must be a JSON object");
    }
    FieldReader r = new FieldReader("Customer", body);
    for (String name : body.propertyNames()) {
      if (NAVIGATIONS.contains(name) && deferred(body.get(name))) {
        continue; // a {"__deferred":...} stub read back from a GET carries no data
      }
      if (!FIELDS.contains(name) && !IGNORED.contains(name)) {
        r.fail(FieldReader.clip(name), NAVIGATIONS.contains(name) ? "writing " + name + " is not supported here"
            : name.equals("dob") ? "unknown field (the birth date is birthDate)" : "unknown field");
      }
    }
    r.throwIfInvalid();
    apply(body, blank(), true); // throws the field problems of the payload itself
    return c -> apply(body, c, false);
  }

  private static boolean writes(JsonNode b, String nav) {
    return b.has(nav) && !b.get(nav).isNull() && !deferred(b.get(nav));
  }

  private static boolean deferred(JsonNode v) {
    return v.isObject() && v.size() == 1 && v.has("__deferred");
  }

  /** @param check whether only the payload is being checked (no stored customer to compare a masked SSN with) */
  private static Customer apply(JsonNode b, Customer c, boolean check) {
    FieldReader r = new FieldReader("Customer", b);
    String ssn = text(r, b, "ssn", 20, c.ssn());
    if (ssn != null && MASKED_SSN.matcher(ssn).matches()) {
      if (!check && !ssn.equals(c.maskedSsn())) {
        r.fail("ssn", "send the full SSN to set or change it; the masked form only keeps the stored one");
      }
      ssn = c.ssn();
    } else if (b.has("ssn") && ssn != null && !SSN.matcher(ssn).matches()) {
      r.fail("ssn", "must be digits, optionally with dashes"); // the value itself is never echoed
    }
    LocalDate birth = b.has("birthDate") ? r.date("birthDate") : c.birthDate();
    BigDecimal limit = b.has("creditLimit") ? r.decimal("creditLimit") : c.creditLimit();
    Boolean active = b.has("active") ? r.flag("active") : Boolean.valueOf(c.active());
    Address primary = writes(b, "PrimaryAddress")
        ? AddressJson.read("PrimaryAddress", b.get("PrimaryAddress"), c.primaryAddress()) : c.primaryAddress();
    Address mail = writes(b, "MailAddress")
        ? AddressJson.read("MailAddress", b.get("MailAddress"), c.mailAddress()) : c.mailAddress();
    Customer out = new Customer(c.id(),
        b.has("customerType") ? code(r, b, "customerType", TYPE, "customer.type.individual or customer.type.company",
            null) : c.customerType(),
        code(r, b, "customerIdType", ID_TYPE, "a code such as customer.idType.ssn", c.customerIdType()),
        text(r, b, "customId", 100, c.customId()), text(r, b, "status", 100, c.status()),
        text(r, b, "firstName", 100, c.firstName()), text(r, b, "middleName", 100, c.middleName()),
        text(r, b, "lastName", 100, c.lastName()), birth,
        code(r, b, "gender", GENDER, "a code such as customer.gender.female", c.gender()),
        code(r, b, "generationCode", GENERATION, "a code such as customer.generationCode.jr", c.generationCode()),
        text(r, b, "email", 254, c.email()), ssn, text(r, b, "driverLicense", 50, c.driverLicense()),
        text(r, b, "companyName", 200, c.companyName()), text(r, b, "contactName", 200, c.contactName()),
        limit, text(r, b, "primaryPhone", 40, c.primaryPhone()), active == null || active, primary, mail,
        c.created(), c.lastUpdate());
    if (b.has("customerType") && out.customerType() == null) {
      r.fail("customerType", "can't be null");
    }
    r.throwIfInvalid();
    return out;
  }
}
