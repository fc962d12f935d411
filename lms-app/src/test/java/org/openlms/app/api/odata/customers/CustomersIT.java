package org.openlms.app.api.odata.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import tools.jackson.databind.JsonNode;

/** The Customers entity set with LoanPro's payloads, against a real server and database. */
class CustomersIT {

  static final String CUSTOMERS = "/api/public/api/1/odata.svc/Customers";
  static final String ADDRESS = """
      {"address1":"1 Main St","city":"Denver","state":"geo.state.CO","zipcode":"80202",
      "country":"company.country.usa"}""";

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  static String customer(String first, String last, String extra) {
    return "{\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"customerType\":\"customer.type.individual\","
        + extra + "\"PrimaryAddress\":" + ADDRESS + ",\"MailAddress\":" + ADDRESS + "}";
  }

  static long create(Http http, TenantAccess t, String body) {
    Http.Response r = http.api("POST", CUSTOMERS, t.id(), t.token(), body);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("d").get("id").asLong();
  }

  @Test
  void createReadsBackWithAddressesMaskedSsnAndLoanProFormats() {
    TenantAccess t = server.newTenant();
    long id = create(http, t, customer("Ada", "Lovelace", """
        "middleName":"K","birthDate":"1985-12-01","gender":"customer.gender.female","email":"ada@example.com",
        "ssn":"123-45-6789","creditLimit":"2500.50","primaryPhone":"3035550100","customId":"C-1",
        "customerIdType":"customer.idType.ssn","status":"Active",""".replace("\n", "")));
    for (String path : new String[] {"(" + id + ")", "(id=" + id + ")"}) {
      Http.Response r = http.api("GET", CUSTOMERS + path + "?$expand=PrimaryAddress,MailAddress", t.id(), t.token(),
          null);
      assertThat(r.status()).as(r.raw()).isEqualTo(200);
      JsonNode d = r.body().get("d");
      assertThat(d.get("__metadata").get("uri").asString()).endsWith("/odata.svc/Customers(id=" + id + ")");
      assertThat(d.get("__metadata").get("type").asString()).isEqualTo("Entity.Customer");
      assertThat(d.get("firstName").asString()).isEqualTo("Ada");
      assertThat(d.get("birthDate").asString()).isEqualTo("/Date(502243200)/");
      assertThat(d.get("creditLimit").asString()).isEqualTo("2500.50");
      assertThat(d.get("ssn").asString()).isEqualTo("***-**-6789");
      assertThat(r.raw()).doesNotContain("123-45").doesNotContain("123456789");
      assertThat(d.get("PrimaryAddress").get("state").asString()).isEqualTo("geo.state.CO");
      assertThat(d.get("MailAddress").get("country").asString()).isEqualTo("company.country.usa");
      assertThat(d.get("Loans").get("__deferred").get("uri").asString()).isEqualTo("Customers(id=" + id + ")/Loans");
    }
    JsonNode plain = http.api("GET", CUSTOMERS + "(" + id + ")", t.id(), t.token(), null).body().get("d");
    assertThat(plain.get("MailAddress").has("__deferred")).isTrue();
    // The change is audited in its transaction, and the audit row does not carry the SSN.
    var db = server.bean(TenantTransactions.class).jdbc(server.bean(TenantService.class).tenant(t.id()));
    assertThat(db.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'Customer' AND entity_id = ?").param(id)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(db.sql("SELECT count(*) FROM audit_log WHERE detail::text LIKE '%6789%'").query(Long.class).single())
        .isZero();
  }

  @Test
  void withoutMailAddressTheAnswerIs409MailAddressIsRequired() {
    TenantAccess t = server.newTenant();
    Http.Response r = http.api("POST", CUSTOMERS, t.id(), t.token(),
        "{\"firstName\":\"A\",\"lastName\":\"B\",\"PrimaryAddress\":" + ADDRESS + "}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorMessage()).isEqualTo("Mail Address is required");
    assertThat(http.api("GET", CUSTOMERS, t.id(), t.token(), null).body().get("d").get("summary").get("total")
        .asInt()).isZero();
  }

  @Test
  void unknownFieldsAndBadValuesAreRefusedByName() {
    TenantAccess t = server.newTenant();
    Http.Response unknown = http.api("POST", CUSTOMERS, t.id(), t.token(), customer("A", "B", "\"favouriteColour\":1,"));
    assertThat(unknown.status()).isEqualTo(409);
    assertThat(unknown.errorMessage()).contains("Customer.favouriteColour: unknown field");
    Http.Response nested = http.api("POST", CUSTOMERS, t.id(), t.token(),
        "{\"firstName\":\"A\",\"lastName\":\"B\",\"MailAddress\":{\"street\":\"x\"}}");
    assertThat(nested.errorMessage()).contains("MailAddress.street: unknown field");
    Http.Response bad = http.api("POST", CUSTOMERS, t.id(), t.token(),
        customer("A", "B", "\"birthDate\":\"yesterday\",\"ssn\":\"12a-45-6789\",\"customerType\":\"person\","));
    assertThat(bad.status()).isEqualTo(409);
    assertThat(bad.errorMessage()).contains("Customer.birthDate").contains("Customer.ssn")
        .contains("Customer.customerType").doesNotContain("12a-45");
    Http.Response state = http.api("POST", CUSTOMERS, t.id(), t.token(),
        "{\"firstName\":\"A\",\"lastName\":\"B\",\"MailAddress\":{\"state\":\"Colorado\"}}");
    assertThat(state.errorMessage()).contains("MailAddress.state");
    Http.Response huge = http.api("POST", CUSTOMERS, t.id(), t.token(), customer("A", "B", "\"creditLimit\":1e400,"));
    assertThat(huge.status()).as(huge.raw()).isEqualTo(409);
    assertThat(huge.errorMessage()).contains("Customer.creditLimit");
    Http.Response bareArray = http.api("POST", CUSTOMERS, t.id(), t.token(), "[]");
    assertThat(bareArray.status()).isEqualTo(409);
  }

  @Test
  void updateChangesOnlyWhatIsSentAndKeepsTheAddressId() {
    TenantAccess t = server.newTenant();
    long id = create(http, t, customer("Grace", "Hopper", "\"email\":\"g@example.com\","));
    JsonNode before = http.api("GET", CUSTOMERS + "(" + id + ")?$expand=MailAddress", t.id(), t.token(), null)
        .body().get("d");
    Http.Response r = http.api("PUT", CUSTOMERS + "(" + id + ")", t.id(), t.token(),
        "{\"__update\":true,\"__id\":" + id + ",\"lastName\":\"Murray Hopper\",\"email\":null,"
            + "\"MailAddress\":{\"city\":\"Arlington\",\"state\":\"geo.state.VA\"}}");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    JsonNode d = r.body().get("d");
    assertThat(d.get("firstName").asString()).isEqualTo("Grace");
    assertThat(d.get("lastName").asString()).isEqualTo("Murray Hopper");
    assertThat(d.get("email").isNull()).isTrue();
    assertThat(d.get("MailAddress").get("city").asString()).isEqualTo("Arlington");
    assertThat(d.get("MailAddress").get("address1").asString()).isEqualTo("1 Main St");
    assertThat(d.get("MailAddress").get("id").asLong()).isEqualTo(before.get("MailAddress").get("id").asLong());
    assertThat(http.api("PUT", CUSTOMERS + "(999999)", t.id(), t.token(), "{\"lastName\":\"X\"}").errorMessage())
        .isEqualTo("Resource not found for the segment 'Customers'");
    assertThat(http.api("PUT", CUSTOMERS + "(" + id + ")", t.id(), t.token(), "{\"lastName\":\"\"}").status())
        .isEqualTo(409);
  }

  /** Integrators read a customer, change a field and PUT the document back; the masked SSN and stubs are kept. */
  @Test
  void aCustomerReadWithItsAddressesCanBePutBackAsIs() {
    TenantAccess t = server.newTenant();
    long id = create(http, t, customer("Ada", "Lovelace", "\"ssn\":\"123-45-6789\",\"birthDate\":\"1985-12-01\","));
    JsonNode read = http.api("GET", CUSTOMERS + "(" + id + ")?$expand=PrimaryAddress,MailAddress", t.id(), t.token(),
        null).body().get("d");
    String back = read.toString().replace("\"Lovelace\"", "\"King\"");
    Http.Response r = http.api("PUT", CUSTOMERS + "(" + id + ")", t.id(), t.token(), back);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(r.body().get("d").get("lastName").asString()).isEqualTo("King");
    assertThat(r.body().get("d").get("ssn").asString()).isEqualTo("***-**-6789");
    var db = server.bean(TenantTransactions.class).jdbc(server.bean(TenantService.class).tenant(t.id()));
    assertThat(db.sql("SELECT ssn FROM customer WHERE id = ?").param(id).query(String.class).single())
        .isEqualTo("123-45-6789");
    Http.Response otherMask = http.api("PUT", CUSTOMERS + "(" + id + ")", t.id(), t.token(), "{\"ssn\":\"***-**-0000\"}");
    assertThat(otherMask.status()).isEqualTo(409);
    assertThat(otherMask.errorMessage()).contains("Customer.ssn");
  }

  @Test
  void aSecondCustomerWithTheSameSsnAndBirthDateIsRefused() {
    TenantAccess t = server.newTenant();
    create(http, t, customer("A", "B", "\"ssn\":\"111-22-3333\",\"birthDate\":\"1990-01-01\","));
    Http.Response dup = http.api("POST", CUSTOMERS, t.id(), t.token(),
        customer("C", "D", "\"ssn\":\"111-22-3333\",\"birthDate\":\"1990-01-01\",\"__ignoreWarnings\":true,"));
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.errorMessage()).doesNotContain("111-22");
    create(http, t, customer("C", "D", "\"ssn\":\"111-22-3333\",\"birthDate\":\"1990-01-02\","));
  }

  @Test
  void odataFilterOrderSelectAndPagingOnCustomers() {
    TenantAccess t = server.newTenant();
    create(http, t, customer("Ann", "Zeta", "\"creditLimit\":100,"));
    create(http, t, customer("Bob", "Young", "\"creditLimit\":200,"));
    create(http, t, customer("Cid", "Xavier", "\"creditLimit\":300,"));
    Http.Response r = http.api("GET", CUSTOMERS + "?$filter=creditLimit%20ge%20150&$orderby=lastName%20asc"
        + "&$select=firstName,lastName&$top=1", t.id(), t.token(), null);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    JsonNode d = r.body().get("d");
    assertThat(d.get("results")).hasSize(1);
    assertThat(d.get("results").get(0).get("lastName").asString()).isEqualTo("Xavier");
    assertThat(d.get("results").get(0).has("creditLimit")).isFalse();
    assertThat(d.get("summary").get("total").asInt()).isEqualTo(2);
    Http.Response hostile = http.api("GET", CUSTOMERS + "?$filter=lastName%20eq%20'x''%20or%201=1--'", t.id(),
        t.token(), null);
    assertThat(hostile.status()).as(hostile.raw()).isEqualTo(200);
    assertThat(hostile.body().get("d").get("results")).isEmpty();
    Http.Response ssn = http.api("GET", CUSTOMERS + "?$filter=ssn%20eq%20'1'", t.id(), t.token(), null);
    assertThat(ssn.status()).isEqualTo(409);
  }

  @Test
  void hostileStringsAreStoredAndAnsweredAsData() {
    TenantAccess t = server.newTenant();
    String hostile = "Robert'); DROP TABLE customer;-- <script>\\u00e9";
    long id = create(http, t, customer(hostile.replace("\\", "\\\\").replace("\"", "\\\""), "O'Brien", ""));
    JsonNode d = http.api("GET", CUSTOMERS + "(" + id + ")", t.id(), t.token(), null).body().get("d");
    assertThat(d.get("firstName").asString()).isEqualTo(hostile);
    assertThat(d.get("lastName").asString()).isEqualTo("O'Brien");
    Http.Response nul = http.api("POST", CUSTOMERS, t.id(), t.token(), customer("A\\u0000B", "C", ""));
    assertThat(nul.status()).isEqualTo(409);
    assertThat(http.api("GET", CUSTOMERS, t.id(), t.token(), null).body().get("d").get("summary").get("total")
        .asInt()).isEqualTo(1);
  }

  @Test
  void aTenantNeverSeesAnotherTenantsCustomers() {
    TenantAccess a = server.newTenant();
    TenantAccess b = server.newTenant();
    long id = create(http, a, customer("Only", "Mine", ""));
    assertThat(http.api("GET", CUSTOMERS, b.id(), b.token(), null).body().get("d").get("results")).isEmpty();
    Http.Response r = http.api("GET", CUSTOMERS + "(" + id + ")", b.id(), b.token(), null);
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.raw()).doesNotContain("Mine");
  }
}
