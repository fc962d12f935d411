package org.openlms.app.api.odata.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlms.app.api.odata.customers.CustomerLinksIT.link;
import static org.openlms.app.api.odata.customers.CustomerLinksIT.loan;
import static org.openlms.app.api.odata.customers.CustomerLinksIT.role;
import static org.openlms.app.api.odata.customers.CustomersIT.CUSTOMERS;
import static org.openlms.app.api.odata.customers.CustomersIT.create;
import static org.openlms.app.api.odata.customers.CustomersIT.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.support.ServicingLoans;
import tools.jackson.databind.JsonNode;

/**
 * {@code $expand} paths two navigations deep, as LoanPro's clients send them ({@code Customers?$expand=Loans,
 * Loans/StatusArchive}): the inner collections page with {@code __next} and what is not expanded stays deferred.
 */
class NestedExpandIT {

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  @Test
  void customersExpandTheirLoansAndTheLoansStatusArchive() {
    TenantAccess t = server.newTenant();
    long ada = create(http, t, customer("Ada", "Lovelace", ""));
    long bob = create(http, t, customer("Bob", "Builder", ""));
    long active = ServicingLoans.create(http, t, "ACTIVE", true); // archive from 2020-08-17: hundreds of days
    long fresh = loan(http, t, "FRESH", "5000", "2020-08-17");
    ok(link(http, t, active, role(ada, "primary")));
    ok(link(http, t, fresh, role(ada, "primary") + "," + role(bob, "secondary")));

    JsonNode customers = get(t, CUSTOMERS + "?$expand=Loans/StatusArchive&$orderby=id").get("d");
    assertThat(customers.get("summary").get("total").asInt()).isEqualTo(2);
    JsonNode adaRow = customers.get("results").get(0);
    assertThat(adaRow.get("PrimaryAddress").has("__deferred")).isTrue();
    JsonNode adaLoans = adaRow.get("Loans");
    assertThat(adaLoans.has("__next")).isFalse();
    assertThat(ids(adaLoans.get("results"))).containsExactly(active, fresh);
    JsonNode first = adaLoans.get("results").get(0);
    assertThat(first.get("__metadata").get("type").asString()).isEqualTo("Entity.Loan");
    assertThat(first.get("LoanSetup").get("__deferred").get("uri").asString())
        .isEqualTo("Loans(id=" + active + ")/LoanSetup");
    JsonNode archive = first.get("StatusArchive");
    assertThat(archive.get("results")).hasSize(50);
    assertThat(archive.get("results").get(0).get("date").asString()).isEqualTo("/Date(1597622400)/"); // 2020-08-17
    assertThat(archive.get("results").get(0).get("loanId").asLong()).isEqualTo(active);
    String next = archive.get("__next").asString();
    assertThat(next).startsWith("http://").contains("/odata.svc/Loans(id=" + active + ")/StatusArchive");
    JsonNode page2 = follow(t, next).get("d").get("results");
    assertThat(page2.get(0).get("date").asString()).isEqualTo("/Date(1601942400)/"); // 2020-10-06, the 51st day
    // The loan that was never activated has no archive: an empty collection, not a deferred one.
    assertThat(adaLoans.get("results").get(1).get("StatusArchive").get("results")).isEmpty();
    JsonNode bobLoans = customers.get("results").get(1).get("Loans").get("results");
    assertThat(ids(bobLoans)).containsExactly(fresh);

    // From the loans' side, each loan's customers carry their role on that loan.
    JsonNode loansWithCustomers = get(t, CustomerLinksIT.LOANS + "?$expand=Customers&$orderby=id").get("d")
        .get("results");
    assertThat(roles(loansWithCustomers.get(0))).containsExactly("Ada:loan.customerRole.primary");
    assertThat(roles(loansWithCustomers.get(1)))
        .containsExactly("Ada:loan.customerRole.primary", "Bob:loan.customerRole.secondary");

    // The same for one customer, with the loans' setups instead.
    JsonNode one = get(t, CUSTOMERS + "(" + ada + ")?$expand=Loans/LoanSetup").get("d");
    JsonNode setup = one.get("Loans").get("results").get(0).get("LoanSetup");
    assertThat(setup.get("__metadata").get("type").asString()).isEqualTo("Entity.LoanSetup");
    assertThat(setup.get("loanAmount").asString()).isEqualTo("15000.00");
    assertThat(one.get("Loans").get("results").get(0).get("StatusArchive").has("__deferred")).isTrue();
    // Several paths through Loans combine; the key form (id=N) works too.
    JsonNode both = get(t, CUSTOMERS + "(id=" + ada + ")?$expand=Loans,Loans/LoanSetup,Loans/Payments,MailAddress")
        .get("d");
    JsonNode l0 = both.get("Loans").get("results").get(0);
    assertThat(l0.get("LoanSetup").get("loanTerm").asString()).isEqualTo("60");
    assertThat(l0.get("Payments").get("results")).isEmpty();
    assertThat(l0.get("Transactions").has("__deferred")).isTrue();
    assertThat(both.get("MailAddress").get("city").isString()).isTrue();
  }

  @Test
  void aCustomersLoansAndTheLoansCustomersExpandTheirOwnNavigations() {
    Borrower b = adaWithAnActiveLoan();
    TenantAccess t = b.tenant();
    long ada = b.customer();
    long active = b.loan();

    JsonNode viaNavigation = get(t, CUSTOMERS + "(" + ada + ")/Loans?$expand=StatusArchive,LoanSettings").get("d");
    JsonNode loan = viaNavigation.get("results").get(0);
    assertThat(loan.get("StatusArchive").get("results")).hasSize(50);
    assertThat(loan.get("LoanSettings").get("loanId").asLong()).isEqualTo(active);

    JsonNode loanWithCustomers = get(t, CustomerLinksIT.LOANS + "(" + active + ")?$expand=Customers/PrimaryAddress")
        .get("d");
    JsonNode c = loanWithCustomers.get("Customers").get("results").get(0);
    assertThat(c.get("loanRole").asString()).isEqualTo("loan.customerRole.primary");
    assertThat(c.get("PrimaryAddress").get("__metadata").get("type").asString()).isEqualTo("Entity.Address");
    assertThat(c.get("MailAddress").has("__deferred")).isTrue();
  }

  @Test
  void selectKeepsTheExpandedNavigationsAndDropsTheDeferredOnes() {
    Borrower b = adaWithAnActiveLoan();
    TenantAccess t = b.tenant();
    long active = b.loan();
    JsonNode c = get(t, CUSTOMERS + "?$select=id,lastName&$expand=Loans/LoanSetup").get("d").get("results").get(0);
    assertThat(c.propertyNames()).containsExactly("__metadata", "id", "lastName", "Loans");
    JsonNode loan = get(t, CustomerLinksIT.LOANS + "(" + active + ")?$select=displayId&$expand=StatusArchive")
        .get("d");
    assertThat(loan.propertyNames()).containsExactly("__metadata", "displayId", "StatusArchive");
    assertThat(loan.get("StatusArchive").get("results")).hasSize(50);
  }

  @Test
  void aCustomerWithMoreThanAPageOfLoansGetsANextLinkThatKeepsTheNestedExpand() {
    TenantAccess t = server.newTenant();
    long ada = create(http, t, customer("Ada", "Lovelace", ""));
    List<Long> loans = new ArrayList<>();
    for (int i = 0; i < 52; i++) {
      long id = loan(http, t, "L" + i, "1000", "2020-08-17");
      ok(link(http, t, id, role(ada, "primary")));
      loans.add(id);
    }
    JsonNode expanded = get(t, CUSTOMERS + "(" + ada + ")?$expand=Loans/LoanSettings").get("d").get("Loans");
    assertThat(ids(expanded.get("results"))).isEqualTo(loans.subList(0, 50));
    String next = expanded.get("__next").asString();
    assertThat(next).contains("/odata.svc/Customers(id=" + ada + ")/Loans?$skip=50&$top=50&$expand=LoanSettings");
    JsonNode rest = follow(t, next).get("d");
    assertThat(ids(rest.get("results"))).isEqualTo(loans.subList(50, 52));
    assertThat(rest.get("results").get(0).get("LoanSettings").get("loanId").asLong()).isEqualTo(loans.get(50));
    assertThat(rest.get("summary").get("total").asInt()).isEqualTo(52);
  }

  @Test
  void badPathsAre409sNamingThePath() {
    TenantAccess t = server.newTenant();
    long ada = create(http, t, customer("Ada", "Lovelace", ""));
    String[][] cases = {
        {CUSTOMERS + "?$expand=Loans/Nope", "'Nope'"},
        {CUSTOMERS + "(" + ada + ")?$expand=Loans/Notes", "$expand of Notes is not supported yet"},
        {CUSTOMERS + "?$expand=PrimaryAddress/City", "PrimaryAddress has no navigations"},
        {CUSTOMERS + "?$expand=Loans/Customers/Loans", "at most two navigations deep"},
        {CUSTOMERS + "?$expand=Loans/", "at most two navigations deep"},
        {CustomerLinksIT.LOANS + "?$expand=StatusArchive/Loans", "StatusArchive has no navigations"},
        {CustomerLinksIT.LOANS + "?$expand=Customers/Nope", "'Nope'"},
    };
    for (String[] c : cases) {
      Http.Response r = http.api("GET", c[0], t.id(), t.token(), null);
      assertThat(r.status()).as(c[0] + " " + r.raw()).isEqualTo(409);
      assertThat(r.errorMessage()).as(c[0]).contains(c[1]);
    }
  }

  private record Borrower(TenantAccess tenant, long customer, long loan) {}

  /** A new tenant with Ada, primary borrower of a loan activated in 2020 (so its archive has hundreds of days). */
  private Borrower adaWithAnActiveLoan() {
    TenantAccess t = server.newTenant();
    long ada = create(http, t, customer("Ada", "Lovelace", ""));
    long active = ServicingLoans.create(http, t, "ACTIVE", true);
    ok(link(http, t, active, role(ada, "primary")));
    return new Borrower(t, ada, active);
  }

  private static List<String> roles(JsonNode loan) {
    List<String> out = new ArrayList<>();
    loan.get("Customers").get("results").forEach(c -> out.add(c.get("firstName").asString() + ":"
        + c.get("loanRole").asString()));
    return out;
  }

  private static List<Long> ids(JsonNode results) {
    List<Long> out = new ArrayList<>();
    results.forEach(r -> out.add(r.get("id").asLong()));
    return out;
  }

  private JsonNode get(TenantAccess t, String path) {
    Http.Response r = http.api("GET", path, t.id(), t.token(), null);
    ok(r);
    return r.body();
  }

  private JsonNode follow(TenantAccess t, String absolute) {
    Http.Response r = http.send("GET", absolute.substring(http.base().length()), null,
        Map.of("Authorization", "Bearer " + t.token(), "Autopal-Instance-Id", String.valueOf(t.id())));
    ok(r);
    return r.body();
  }

  private static void ok(Http.Response r) {
    ServicingLoans.ok(r);
  }
}
