package org.openlms.app.api.odata.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlms.app.api.odata.customers.CustomersIT.create;
import static org.openlms.app.api.odata.customers.CustomersIT.customer;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import tools.jackson.databind.JsonNode;

/** Linking customers to loans with LoanPro's roles, and the navigations both ways. */
class CustomerLinksIT {

  static final String LOANS = "/api/public/api/1/odata.svc/Loans";
  private static final String LOAN = """
      {"displayId":"%s","LoanSetup":{"loanAmount":%s,"loanRate":4.7,"loanRateType":"loan.rateType.annually",
      "loanTerm":60,"contractDate":"%s","firstPaymentDate":"2020-09-01","paymentFrequency":"loan.frequency.monthly",
      "calcType":"loan.calcType.simpleInterest","daysInYear":"loan.daysInYear.actual"}}""";

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  static long loan(Http http, TenantAccess t, String displayId, String amount, String contractDate) {
    Http.Response r = http.api("POST", LOANS, t.id(), t.token(), LOAN.formatted(displayId, amount, contractDate));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("d").get("id").asLong();
  }

  static Http.Response link(Http http, TenantAccess t, long loan, String items) {
    return http.api("PUT", LOANS + "(" + loan + ")", t.id(), t.token(),
        "{\"__update\":true,\"__id\":" + loan + ",\"Customers\":{\"results\":[" + items + "]}}");
  }

  static String role(long customer, String role) {
    return "{\"__id\":" + customer + ",\"__setLoanRole\":\"loan.customerRole." + role + "\"}";
  }

  @Test
  void linkWithRolesReadBothWaysAndUnlink() {
    TenantAccess t = server.newTenant();
    long loan = loan(http, t, "L1", "15000", "2020-08-17");
    long ada = create(http, t, customer("Ada", "Lovelace", ""));
    long bob = create(http, t, customer("Bob", "Builder", ""));
    assertThat(link(http, t, loan, role(ada, "primary") + "," + role(bob, "secondary")).status()).isEqualTo(200);

    JsonNode customers = http.api("GET", LOANS + "(" + loan + ")/Customers?$orderby=id", t.id(), t.token(), null)
        .body().get("d");
    assertThat(customers.get("summary").get("total").asInt()).isEqualTo(2);
    assertThat(roles(customers)).containsExactly("Ada:loan.customerRole.primary", "Bob:loan.customerRole.secondary");
    JsonNode loans = http.api("GET", CustomersIT.CUSTOMERS + "(" + bob + ")/Loans", t.id(), t.token(), null)
        .body().get("d").get("results");
    assertThat(loans).hasSize(1);
    assertThat(loans.get(0).get("displayId").asString()).isEqualTo("L1");
    JsonNode expanded = http.api("GET", CustomersIT.CUSTOMERS + "(id=" + ada + ")?$expand=Loans", t.id(), t.token(),
        null).body().get("d").get("Loans").get("results");
    assertThat(expanded.get(0).get("id").asLong()).isEqualTo(loan);

    assertThat(link(http, t, loan, "{\"__id\":" + bob + ",\"__destroy\":true}").status()).isEqualTo(200);
    assertThat(http.api("GET", LOANS + "(" + loan + ")/Customers", t.id(), t.token(), null).body().get("d")
        .get("results")).hasSize(1);
    assertThat(http.api("GET", CustomersIT.CUSTOMERS + "(" + bob + ")/Loans", t.id(), t.token(), null).body()
        .get("d").get("results")).isEmpty();
  }

  @Test
  void aLoanHasOnePrimaryButThePrimaryCanMoveInOneRequest() {
    TenantAccess t = server.newTenant();
    long loan = loan(http, t, "L1", "15000", "2020-08-17");
    long a = create(http, t, customer("A", "One", ""));
    long b = create(http, t, customer("B", "Two", ""));
    assertThat(link(http, t, loan, role(a, "primary")).status()).isEqualTo(200);
    Http.Response second = link(http, t, loan, role(b, "primary"));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.errorMessage()).contains("already has a primary customer");
    Http.Response both = link(http, t, loan, role(a, "primary") + "," + role(b, "primary"));
    assertThat(both.status()).isEqualTo(409);
    assertThat(link(http, t, loan, role(b, "primary") + "," + role(a, "additional")).status()).isEqualTo(200);
    JsonNode customers = http.api("GET", LOANS + "(" + loan + ")/Customers?$orderby=id", t.id(), t.token(), null)
        .body().get("d");
    assertThat(roles(customers)).containsExactly("A:loan.customerRole.additional", "B:loan.customerRole.primary");
  }

  @Test
  void badLinkPayloadsAreRefusedClearlyAndChangeNothing() {
    TenantAccess t = server.newTenant();
    long loan = loan(http, t, "L1", "15000", "2020-08-17");
    long a = create(http, t, customer("A", "One", ""));
    Http.Response bare = http.api("PUT", LOANS + "(" + loan + ")", t.id(), t.token(),
        "{\"title\":\"changed\",\"Customers\":[" + role(a, "primary") + "]}");
    assertThat(bare.status()).isEqualTo(409);
    assertThat(bare.errorMessage()).contains("{\"results\":[...]}").contains("bare array");
    assertThat(link(http, t, loan, "{\"__id\":" + a + ",\"__setLoanRole\":\"loan.customerRole.boss\"}")
        .errorMessage()).contains("__setLoanRole");
    assertThat(link(http, t, loan, "{\"__id\":" + a + "}").errorMessage()).contains("__setLoanRole");
    assertThat(link(http, t, loan, role(999_999, "primary")).errorMessage())
        .isEqualTo("Resource not found for the segment 'Customers'");
    assertThat(link(http, t, loan, "{\"__id\":" + a + ",\"__destroy\":true}").errorMessage())
        .contains("is not linked");
    assertThat(link(http, t, loan, "{\"__id\":" + a + ",\"customerId\":1}").errorMessage()).contains("customerId");
    // The loan change and a failing link are one transaction: the title did not change either.
    Http.Response mixed = http.api("PUT", LOANS + "(" + loan + ")", t.id(), t.token(),
        "{\"title\":\"changed\",\"Customers\":{\"results\":[" + role(a, "primary") + "," + role(999_999, "secondary")
            + "]}}");
    assertThat(mixed.status()).isEqualTo(409);
    JsonNode after = http.api("GET", LOANS + "(" + loan + ")", t.id(), t.token(), null).body().get("d");
    assertThat(after.get("title").isNull()).isTrue();
    assertThat(http.api("GET", LOANS + "(" + loan + ")/Customers", t.id(), t.token(), null).body().get("d")
        .get("results")).isEmpty();
    assertThat(http.api("GET", LOANS + "(424242)/Customers", t.id(), t.token(), null).errorMessage())
        .isEqualTo("Resource not found for the segment 'Loans'");
  }

  @Test
  void theCustomerCanBeReferencedByMetadataUriAsTheSdkDoes() {
    TenantAccess t = server.newTenant();
    long loan = loan(http, t, "L1", "15000", "2020-08-17");
    long a = create(http, t, customer("A", "One", ""));
    Http.Response r = link(http, t, loan, "{\"__metadata\":{\"uri\":\"/api/1/odata.svc/Customers(id=" + a
        + ")\",\"type\":\"Entity.Customer\"},\"__setLoanRole\":\"loan.customerRole.primary\"}");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(http.api("GET", LOANS + "(" + loan + ")/Customers", t.id(), t.token(), null).body().get("d")
        .get("results")).hasSize(1);
  }

  private static List<String> roles(JsonNode d) {
    List<String> out = new ArrayList<>();
    d.get("results").forEach(c -> out.add(c.get("firstName").asString() + ":" + c.get("loanRole").asString()));
    return out;
  }
}
