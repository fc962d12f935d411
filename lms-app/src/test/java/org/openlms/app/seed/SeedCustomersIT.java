package org.openlms.app.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Seeded loans have a borrower each, linked as primary, whom the API and the loan search show. */
class SeedCustomersIT {

  private static final String API = "/api/public/api/1/";
  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  @Test
  void everySeededLoanHasItsOwnPrimaryCustomerNamedAsItsTitle() {
    TenantAccess t = server.newTenant();
    Tenant tenant = server.bean(TenantService.class).tenant(t.id());
    // A customer made through the API first: seeding numbers its borrowers after it.
    Http.Response existing = http.api("POST", API + "odata.svc/Customers", t.id(), t.token(), """
        {"firstName":"Ada","lastName":"Lovelace","PrimaryAddress":{"city":"Denver","state":"geo.state.CO"},
        "MailAddress":{"city":"Denver","state":"geo.state.CO"}}""");
    assertThat(existing.status()).as(existing.raw()).isEqualTo(200);
    JdbcClient db = server.bean(TenantTransactions.class).jdbc(tenant);
    String indexes = "SELECT indexdef FROM pg_indexes WHERE tablename IN ('customer', 'loan_customer') ORDER BY 1";
    java.util.List<String> before = db.sql(indexes).query(String.class).list();
    server.bean(LoanSeeder.class).seed(tenant, 300, 5L, (phase, done) -> { });
    // The second seed is big enough to rebuild the customer tables' indexes instead of maintaining them.
    server.bean(LoanSeeder.class).seed(tenant, LoanSeeder.REBUILD_INDEXES_FROM, 6L, (phase, done) -> { });

    // Seeding rebuilds the customer tables' secondary indexes; they come back exactly as the migrations made them.
    assertThat(db.sql(indexes).query(String.class).list()).isEqualTo(before).hasSize(10);
    Map<String, Object> counts = db.sql("""
        SELECT (SELECT count(*) FROM customer) AS customers,
               (SELECT count(*) FROM loan_customer WHERE role = 'loan.customerRole.primary') AS primaries,
               (SELECT count(DISTINCT customer_id) FROM loan_customer) AS linked,
               (SELECT count(*) FROM loan l JOIN loan_customer lc ON lc.loan_id = l.id
                  JOIN customer c ON c.id = lc.customer_id
                  WHERE l.title <> c.first_name || ' ' || c.last_name || ' loan') AS misnamed,
               (SELECT count(DISTINCT email) FROM customer) AS emails""").query().singleRow();
    long seeded = 300 + LoanSeeder.REBUILD_INDEXES_FROM;
    assertThat(counts).containsEntry("customers", seeded + 1).containsEntry("primaries", seeded)
        .containsEntry("linked", seeded).containsEntry("misnamed", 0L).containsEntry("emails", seeded); // Ada has none

    long loan = http.api("GET", API + "odata.svc/Loans?$top=1&$filter=displayId%20eq%20%27LN10%27", t.id(),
        t.token(), null).body().get("d").get("results").get(0).get("id").asLong();
    JsonNode customers = http.api("GET", API + "odata.svc/Loans(" + loan + ")/Customers", t.id(), t.token(), null)
        .body().get("d").get("results");
    assertThat(customers).hasSize(1);
    JsonNode borrower = customers.get(0);
    assertThat(borrower.get("loanRole").asString()).isEqualTo("loan.customerRole.primary");
    assertThat(borrower.get("email").asString()).endsWith("@example.com");
    assertThat(borrower.get("birthDate").asString()).matches("/Date\\(-?\\d+\\)/");

    String name = borrower.get("firstName").asString() + " " + borrower.get("lastName").asString();
    JsonNode found = http.api("POST", API + "Loans/Autopal.Search()", t.id(), t.token(),
        "{\"query\":{\"term\":{\"displayId\":\"LN10\"}}}").body().get("d").get("results").get(0);
    assertThat(found.get("primaryCustomerName").asString()).isEqualTo(name);
  }
}
