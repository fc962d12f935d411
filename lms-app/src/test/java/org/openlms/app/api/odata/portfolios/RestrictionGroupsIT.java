package org.openlms.app.api.odata.portfolios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlms.app.api.odata.portfolios.PortfoliosIT.addByUri;
import static org.openlms.app.api.odata.portfolios.PortfoliosIT.ids;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openlms.app.support.CliRun;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import tools.jackson.databind.JsonNode;

/**
 * A token restricted to portfolio A, in a tenant that also has loans in portfolio B and in no portfolio, walks
 * every public endpoint (found from the mappings, so endpoints added later are walked too): what is outside A
 * answers exactly as if it did not exist, lists, counts, searches and aggregations leave it out, nothing outside
 * can be changed, and what is inside A works as for any token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestrictionGroupsIT {

  private static final String SVC = "/api/public/api/1/odata.svc/";
  private static final String API = "/api/public/api/1/";
  /** Markers that only data outside portfolio A carries; no answer to the restricted token may contain one. */
  private static final List<String> SECRETS = List.of("SECRET-B", "SECRET-NONE", "Hiddenlast", "Portfolio-B",
      "Sub-B", "Portfolio-C");
  private static final long MISSING = 987_654_321L;
  /** Bodies the keyed write endpoints are called with; each endpoint must accept at least one of them. */
  private static final List<String> BODIES = List.of("{\"title\":\"taken over\"}", "{\"stoplight\":\"red\"}",
      "{}");
  /**
   * Tenant configuration keyed by id that is not loan data: readable by a restricted token, changed only by an
   * unrestricted one (the automation tests prove that). Portfolios are configuration too, but a restricted
   * token sees only its own, so they are walked above.
   */
  private static final Set<String> CONFIGURATION = Set.of("AutomationRules", "StoplightRules", "WarningFlags",
      "RecurringCharges", "CustomFields");
  private static final String LOAN = """
      {"displayId":"%s","LoanSetup":{"loanAmount":5000,"loanRate":10,"loanTerm":24,"contractDate":"2025-01-01",
      "firstPaymentDate":"2025-02-01"}%s}""";
  private static final String PAYMENT = """
      {"Payments":{"results":[{"amount":%s,"date":"2025-02-01","info":"API Payment","paymentTypeId":1,
      "paymentMethodId":1}]}}""";
  private static final String ADDRESS = """
      {"address1":"1 Main St","city":"Denver","state":"geo.state.CO","zipcode":"80202","country":"company.country.usa"}""";

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();
  private TenantAccess admin;
  private TenantAccess restricted;
  private long a;
  private long b;
  private long c;
  private long subA;
  private long subB;
  private long inA;
  private long inB;
  private long none;
  private long custA;
  private long custB;

  @BeforeAll
  void tenantWithThreeKindsOfLoans() {
    admin = server.newTenant();
    a = portfolio("Portfolio-A");
    b = portfolio("Portfolio-B");
    c = portfolio("Portfolio-C");
    subA = sub(a, "Sub-A");
    subB = sub(b, "Sub-B");
    inA = loan(admin, "IN-A", "");
    inB = loan(admin, "SECRET-B", "");
    none = loan(admin, "SECRET-NONE", "");
    for (long loan : List.of(inA, inB, none)) {
      ok(http.api("POST", API + "Loans(" + loan + ")/Autopal.Activate()", admin.id(), admin.token(), null));
    }
    ok(put(admin, inA, "{\"SubPortfolios\":{\"results\":[{\"__id\":" + subA + "}]}}"));
    ok(put(admin, inB, addByUri("SubPortfolios", subB)));
    ok(put(admin, inA, PAYMENT.formatted("100")));
    ok(put(admin, inB, PAYMENT.formatted("200")));
    ok(put(admin, none, PAYMENT.formatted("300")));
    custA = customer(admin, "Ada", "Visible");
    custB = customer(admin, "Bob", "Hiddenlast");
    ok(link(admin, inA, custA, "primary"));
    ok(link(admin, inB, custB, "primary"));
    ok(link(admin, inB, custA, "secondary")); // Ada is visible through A, but her loan in B is not
    // A custom field value on each side; B's names its loan, so an answer that leaks it is caught.
    long agency = ok(http.api("POST", SVC + "CustomFields", admin.id(), admin.token(), "{\"name\":\"Agency\"}"))
        .body().get("d").get("id").asLong();
    for (long loan : List.of(inA, inB, none)) {
      ok(put(admin, loan, "{\"LoanSettings\":{\"customFieldValues\":{\"results\":[{\"customFieldId\":" + agency
          + ",\"customFieldValue\":\"" + (loan == inA ? "agency of IN-A" : loan == inB ? "SECRET-B agency" : "SECRET-NONE agency")
          + "\"}]}}}"));
    }
    restricted = token(List.of(a));
  }

  /**
   * Each keyed endpoint is called on an entity outside portfolio A with the restricted token, and on a missing id
   * with an unrestricted one, with each of a few bodies (an endpoint that judges its body first must still answer
   * the outside entity as the missing one, and at least one body must get as far as the existence check).
   */
  @Test
  void everythingOutsideAnswersExactlyAsMissingAndChangesNothing() {
    Map<String, Long> hidden = Map.of("Loans", inB, "Customers", custB, "Portfolios", b, "SubPortfolios", subB,
        "LoanSettings", inB);
    String before = fingerprint();
    int walked = 0;
    for (Map.Entry<String, Set<RequestMethod>> e : endpoints().entrySet()) {
      String pattern = e.getKey();
      if (!pattern.contains("{id}") || CONFIGURATION.contains(keyedSet(pattern))) {
        continue;
      }
      String set = keyedSet(pattern);
      assertThat(hidden).as("decide what a restricted token may reach at " + pattern).containsKey(set);
      for (RequestMethod m : e.getValue()) {
        boolean reachedExistence = false;
        for (String body : m == RequestMethod.GET || m == RequestMethod.DELETE ? Collections.<String>singletonList(null)
            : BODIES) {
          Http.Response outside = call(restricted, m, path(pattern, hidden.get(set)), body);
          Http.Response missing = call(admin, m, path(pattern, MISSING), body);
          String what = m + " " + pattern + " " + body;
          assertThat(outside.status()).as(what).isEqualTo(409);
          assertThat(outside.raw()).as(what).isEqualTo(missing.raw());
          reachedExistence |= outside.errorMessage().startsWith("Resource not found for the segment");
        }
        assertThat(reachedExistence).as("no body reached the existence check of " + m + " " + pattern
            + "; add one it accepts to BODIES").isTrue();
        walked++;
      }
    }
    assertThat(walked).isGreaterThan(20);
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void noAnswerAtAnyEndpointCarriesDataOutsideItsPortfolios() {
    Map<String, Long> inside = Map.of("Loans", inA, "Customers", custA, "Portfolios", a, "SubPortfolios", subA,
        "LoanSettings", inA);
    int served = 0;
    for (Map.Entry<String, Set<RequestMethod>> e : endpoints().entrySet()) {
      String pattern = e.getKey();
      boolean search = pattern.endsWith("Autopal.Search()");
      if (!e.getValue().contains(RequestMethod.GET) && !search) {
        continue;
      }
      if (pattern.contains("{id}") && CONFIGURATION.contains(keyedSet(pattern))) {
        continue;
      }
      assertThat(!pattern.contains("{id}") || inside.containsKey(keyedSet(pattern)))
          .as("decide what a restricted token may read at " + pattern).isTrue();
      String path = pattern.contains("{id}") ? path(pattern, inside.get(keyedSet(pattern))) : path(pattern, 0);
      List<String> variants = new ArrayList<>(List.of(path));
      if (path.endsWith("odata.svc/Loans") || path.matches(".*Loans\\(\\d+\\)$")) {
        variants.add(path + "?$expand=Customers,Portfolios,SubPortfolios,Payments,StatusArchive");
        variants.add(path + "?$expand=Customers/Loans"); // a customer may also borrow on loans out of reach
      }
      if (path.endsWith("odata.svc/Customers") || path.matches(".*Customers\\(\\d+\\)$")) {
        variants.add(path + "?$expand=Loans");
        variants.add(path + "?$expand=Loans/Customers,Loans/Portfolios,Loans/StatusArchive");
      }
      if (path.endsWith("odata.svc/Portfolios")) {
        variants.add(path + "?$expand=SubPortfolios");
      }
      for (String v : variants) {
        Http.Response r = search ? http.api("POST", v + "?nopaging", restricted.id(), restricted.token(),
            "{\"query\":{\"match_all\":{}}}") : http.api("GET", v, restricted.id(), restricted.token(), null);
        assertThat(r.status()).as(v + " " + r.raw()).isEqualTo(200);
        for (String secret : SECRETS) {
          assertThat(r.raw()).as(v).doesNotContain(secret);
        }
        served++;
      }
    }
    assertThat(served).isGreaterThan(20);
  }

  @Test
  void listsCountsSearchesAndAggregationsHoldOnlyItsLoans() {
    JsonNode loans = get(restricted, SVC + "Loans?$expand=Portfolios").get("d");
    assertThat(loans.get("summary").get("total").asLong()).isEqualTo(restrictedLoanCount());
    assertThat(displayIds(loans.get("results"))).contains("IN-A").doesNotContain("SECRET-B", "SECRET-NONE");
    assertThat(total(restricted, SVC + "Loans?$filter=id%20eq%20" + inB)).isZero();
    assertThat(total(restricted, SVC + "Loans?$filter=id%20eq%20" + inA)).isEqualTo(1);
    assertThat(total(admin, SVC + "Loans?$filter=id%20eq%20" + inB)).isEqualTo(1);

    assertThat(total(restricted, SVC + "Payments?$filter=entityId%20eq%20" + inB)).isZero();
    assertThat(total(restricted, SVC + "Payments?$filter=entityId%20eq%20" + inA)).isEqualTo(1);
    assertThat(total(admin, SVC + "Payments?$filter=entityId%20eq%20" + inB)).isEqualTo(1);
    assertThat(total(restricted, SVC + "CustomFieldValues")).isEqualTo(1);
    assertThat(total(admin, SVC + "CustomFieldValues")).isEqualTo(3);
    // A due date change on a loan on each side (written directly: this is about who sees the rows, and a real
    // change needs a due date still to come, which these loans of 2025 will not have for long).
    for (long loan : List.of(inA, inB)) {
      db().sql("INSERT INTO loan_due_date_change (loan_id, installment, original_date, new_date, changed_date) "
          + "VALUES (?, 3, DATE '2025-05-01', DATE '2025-05-06', DATE '2025-04-01')").param(loan).update();
    }
    assertThat(total(restricted, SVC + "LoanDueDateChanges")).isEqualTo(1);
    assertThat(total(restricted, SVC + "LoanDueDateChanges?$filter=loanId%20eq%20" + inB)).isZero();
    assertThat(total(admin, SVC + "LoanDueDateChanges")).isEqualTo(2);
    long archiveA = db().sql("SELECT count(*) FROM loan_status_archive WHERE loan_id = ?").param(inA)
        .query(Long.class).single();
    assertThat(archiveA).isPositive();
    assertThat(total(restricted, SVC + "LoanStatusArchive?$filter=loanId%20eq%20" + inA)).isEqualTo(archiveA);
    assertThat(total(restricted, SVC + "LoanStatusArchive?$filter=loanId%20eq%20" + inB)).isZero();
    assertThat(total(admin, SVC + "LoanStatusArchive?$filter=loanId%20eq%20" + inB)).isPositive();

    JsonNode search = http.api("POST", API + "Loans/Autopal.Search()", restricted.id(), restricted.token(), """
        {"query":{"bool":{"should":[{"match":{"displayId":"SECRET-B"}},{"match":{"displayId":"IN-A"}}]}},
         "aggs":{"n":{"value_count":{"field":"id"}},"amount":{"sum":{"field":"loanAmount"}}}}""").body().get("d");
    assertThat(search.get("summary").get("total").asInt()).isEqualTo(1);
    assertThat(search.get("summary").get("aggregations").get("n").get("value").asInt()).isEqualTo(1);
    assertThat(search.get("summary").get("aggregations").get("amount").get("value").decimalValue())
        .isEqualByComparingTo("5000");
    assertThat(search.get("results").get(0).get("displayId").asString()).isEqualTo("IN-A");
    JsonNode people = http.api("POST", API + "Customers/Autopal.Search()", restricted.id(), restricted.token(),
        "{\"query\":{\"match_all\":{}}}").body().get("d");
    assertThat(people.get("summary").get("total").asInt()).isEqualTo(1);
    assertThat(people.get("results").get(0).get("id").asLong()).isEqualTo(custA);

    assertThat(total(restricted, SVC + "Customers")).isEqualTo(1);
    JsonNode adasLoans = get(restricted, SVC + "Customers(" + custA + ")/Loans").get("d");
    assertThat(adasLoans.get("summary").get("total").asInt()).isEqualTo(1);
    assertThat(get(admin, SVC + "Customers(" + custA + ")/Loans").get("d").get("summary").get("total").asInt())
        .isEqualTo(2);
    assertThat(get(restricted, SVC + "Customers(" + custA + ")?$expand=Loans").get("d").get("Loans").get("results"))
        .hasSize(1);

    assertThat(ids(get(restricted, SVC + "Portfolios").get("d").get("results"))).containsExactly(a);
    assertThat(ids(get(restricted, SVC + "SubPortfolios").get("d").get("results"))).containsExactly(subA);
    assertThat(get(restricted, SVC + "TenantDMStats").get("d").has("results")).isTrue();
  }

  @Test
  void itChangesLoansInsideButNeitherLeavesNorReachesOutside() {
    long mine = loan(admin, "MINE-1", ",\"Portfolios\":{\"results\":[{\"__id\":" + a + "}]}");
    ok(put(restricted, mine, "{\"title\":\"changed by a restricted token\"}"));
    assertThat(get(admin, SVC + "Loans(" + mine + ")").get("d").get("title").asString())
        .isEqualTo("changed by a restricted token");
    ok(put(restricted, mine, PAYMENT.formatted("50")));
    ok(http.api("POST", API + "Loans(" + mine + ")/Autopal.Activate()", restricted.id(), restricted.token(), null));

    String before = fingerprint();
    Http.Response leave = put(restricted, mine, "{\"Portfolios\":{\"results\":[{\"__id\":" + a
        + ",\"__destroy\":true}]}}");
    assertThat(leave.status()).isEqualTo(409);
    assertThat(leave.errorMessage()).contains("must stay in at least one of this token's portfolios");
    for (long other : List.of(b, c, MISSING)) {
      Http.Response r = put(restricted, mine, "{\"title\":\"x\",\"Portfolios\":{\"results\":[{\"__id\":" + other + "}]}}");
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.errorMessage()).isEqualTo("Portfolios: portfolio " + other + " does not exist");
    }
    Http.Response foreignSub = put(restricted, mine, addByUri("SubPortfolios", subB));
    assertThat(foreignSub.errorMessage()).isEqualTo("SubPortfolios: sub-portfolio " + subB + " does not exist");
    Http.Response foreignCustomer = link(restricted, mine, custB, "secondary");
    assertThat(foreignCustomer.status()).isEqualTo(409);
    assertThat(foreignCustomer.errorMessage()).isEqualTo("Resource not found for the segment 'Customers'");
    Http.Response config = http.api("POST", SVC + "Portfolios", restricted.id(), restricted.token(),
        "{\"title\":\"Mine\"}");
    assertThat(config.status()).isEqualTo(409);
    assertThat(config.errorMessage()).contains("only an unrestricted token");
    assertThat(http.api("PUT", SVC + "Portfolios(" + a + ")", restricted.id(), restricted.token(),
        "{\"title\":\"Renamed\"}").status()).isEqualTo(409);
    assertThat(fingerprint()).isEqualTo(before);

    // A customer it just created (linked to no loan yet) can be linked, and is then visible to it.
    long fresh = customer(restricted, "Cy", "Fresh");
    assertThat(http.api("GET", SVC + "Customers(" + fresh + ")", restricted.id(), restricted.token(), null).status())
        .isEqualTo(409);
    ok(link(restricted, mine, fresh, "secondary"));
    assertThat(get(restricted, SVC + "Customers(" + fresh + ")").get("d").get("lastName").asString()).isEqualTo("Fresh");
    ok(http.api("DELETE", SVC + "Loans(" + mine + ")", restricted.id(), restricted.token(), null));
    assertThat(http.api("GET", SVC + "Customers(" + fresh + ")", restricted.id(), restricted.token(), null).status())
        .isEqualTo(409);
  }

  @Test
  void aRestrictedTokenCreatesLoansOnlyInItsPortfolios() {
    TenantAccess one = token(List.of(c));
    long placed = loan(one, "PLACED-" + System.nanoTime(), "");
    assertThat(ids(get(admin, SVC + "Loans(" + placed + ")/Portfolios").get("d").get("results")))
        .containsExactly(c);
    assertThat(get(one, SVC + "Loans(" + placed + ")").get("d").get("id").asLong()).isEqualTo(placed);

    TenantAccess two = token(List.of(a, c));
    String before = fingerprint();
    Http.Response unnamed = http.api("POST", SVC + "Loans", two.id(), two.token(), LOAN.formatted("X-1", ""));
    assertThat(unnamed.status()).isEqualTo(409);
    assertThat(unnamed.errorMessage()).contains("restricted to portfolios " + a + ", " + c)
        .contains("name at least one of them");
    Http.Response elsewhere = http.api("POST", SVC + "Loans", two.id(), two.token(),
        LOAN.formatted("X-2", ",\"Portfolios\":{\"results\":[{\"__id\":" + b + "}]}"));
    assertThat(elsewhere.status()).isEqualTo(409);
    assertThat(elsewhere.errorMessage()).isEqualTo("Portfolios: portfolio " + b + " does not exist");
    assertThat(fingerprint()).isEqualTo(before);
    long named = loan(two, "NAMED-" + System.nanoTime(), ",\"Portfolios\":{\"results\":[{\"__id\":" + c + "}]}");
    assertThat(ids(get(admin, SVC + "Loans(" + named + ")/Portfolios").get("d").get("results")))
        .containsExactly(c);
  }

  @Test
  void tokensAreRestrictedFromTheAdminApiAndTheCommandLine() {
    Http.Response unknown = http.admin("POST", "/api/admin/tenants/" + admin.id() + "/tokens",
        Map.of("label", "x", "portfolioIds", List.of(a, MISSING)));
    assertThat(unknown.status()).isEqualTo(409);
    assertThat(unknown.errorMessage()).contains("no portfolio [" + MISSING + "]");
    Http.Response empty = http.admin("POST", "/api/admin/tenants/" + admin.id() + "/tokens",
        Map.of("portfolioIds", List.of()));
    assertThat(empty.status()).isEqualTo(409);
    Http.Response wrongType = http.admin("POST", "/api/admin/tenants/" + admin.id() + "/tokens",
        Map.of("portfolioIds", "three"));
    assertThat(wrongType.status()).isEqualTo(409);

    CliRun created = CliRun.lms(server, "token", "create", "--tenant", String.valueOf(admin.id()), "--label", "team-b",
        "--portfolios", b + "," + c);
    assertThat(created.code()).as(created.out() + created.err()).isZero();
    assertThat(created.json().get("portfolioIds").toString()).isEqualTo("[" + b + "," + c + "]");
    String secret = created.json().get("token").asString();
    JsonNode seen = http.api("GET", SVC + "Loans", admin.id(), secret, null).body().get("d");
    assertThat(displayIds(seen.get("results"))).contains("SECRET-B").doesNotContain("IN-A", "SECRET-NONE");

    CliRun list = CliRun.lms(server, "token", "list", "--tenant", String.valueOf(admin.id()));
    List<String> restrictions = new ArrayList<>();
    list.json().get("results").forEach(t -> restrictions.add(t.get("label").asString() + "=" + t.get("portfolioIds")));
    assertThat(restrictions).contains("first token=null", "team-b=[" + b + "," + c + "]");
  }

  // --- helpers -------------------------------------------------------------------------------------------

  /** The loans restricted to A, counted in the database: what Loans' summary.total must say. */
  private long restrictedLoanCount() {
    return db().sql("""
            SELECT count(DISTINCT l.id) FROM loan l JOIN loan_portfolio lp ON lp.loan_id = l.id
            WHERE lp.portfolio_id = ? AND NOT l.deleted""").param(a).query(Long.class).single();
  }

  private static String keyedSet(String pattern) {
    String head = pattern.substring(0, pattern.indexOf("{id}"));
    head = head.substring(0, head.lastIndexOf('('));
    return head.substring(head.lastIndexOf('/') + 1);
  }

  private static String path(String pattern, long id) {
    return pattern.replace("{id}", String.valueOf(id)).replace("{date}", "2025-03-01");
  }

  /** The public endpoints, each once: {@code Loans(id={id})} is routed as {@code Loans({id})} by the edge. */
  private Map<String, Set<RequestMethod>> endpoints() {
    Map<String, Set<RequestMethod>> out = new LinkedHashMap<>(server.publicEndpoints());
    out.keySet().removeIf(p -> p.contains("(id={id})"));
    return out;
  }

  private Http.Response call(TenantAccess t, RequestMethod m, String path, String body) {
    return http.api(m.name(), path, t.id(), t.token(), body);
  }

  private long portfolio(String title) {
    Http.Response r = http.api("POST", SVC + "Portfolios", admin.id(), admin.token(), "{\"title\":\"" + title + "\"}");
    return ok(r).body().get("d").get("id").asLong();
  }

  private long sub(long parent, String title) {
    Http.Response r = http.api("POST", SVC + "SubPortfolios", admin.id(), admin.token(),
        "{\"title\":\"" + title + "\",\"parent\":" + parent + "}");
    return ok(r).body().get("d").get("id").asLong();
  }

  private long loan(TenantAccess t, String displayId, String extra) {
    return ok(http.api("POST", SVC + "Loans", t.id(), t.token(), LOAN.formatted(displayId, extra))).body().get("d")
        .get("id").asLong();
  }

  private long customer(TenantAccess t, String first, String last) {
    Http.Response r = http.api("POST", SVC + "Customers", t.id(), t.token(), "{\"firstName\":\"" + first
        + "\",\"lastName\":\"" + last + "\",\"PrimaryAddress\":" + ADDRESS + ",\"MailAddress\":" + ADDRESS + "}");
    return ok(r).body().get("d").get("id").asLong();
  }

  private Http.Response link(TenantAccess t, long loan, long customer, String role) {
    return put(t, loan, "{\"Customers\":{\"results\":[{\"__id\":" + customer
        + ",\"__setLoanRole\":\"loan.customerRole." + role + "\"}]}}");
  }

  private TenantAccess token(List<Long> portfolios) {
    Http.Response r = http.admin("POST", "/api/admin/tenants/" + admin.id() + "/tokens",
        Map.of("label", "restricted", "portfolioIds", portfolios));
    assertThat(ok(r).body().get("d").get("portfolioIds").toString())
        .isEqualTo(portfolios.stream().sorted().toList().toString().replace(" ", ""));
    return new TenantAccess(admin.id(), r.body().get("d").get("token").asString(), admin.companyId());
  }

  private Http.Response put(TenantAccess t, long loan, String body) {
    return http.api("PUT", SVC + "Loans(" + loan + ")", t.id(), t.token(), body);
  }

  private JsonNode get(TenantAccess t, String path) {
    return ok(http.api("GET", path, t.id(), t.token(), null)).body();
  }

  private long total(TenantAccess t, String path) {
    return get(t, path).get("d").get("summary").get("total").asLong();
  }

  private static Http.Response ok(Http.Response r) {
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r;
  }

  private static List<String> displayIds(JsonNode results) {
    List<String> out = new ArrayList<>();
    results.forEach(r -> out.add(r.get("displayId").asString()));
    return out;
  }

  private JdbcClient db() {
    return server.bean(TenantTransactions.class).jdbc(server.bean(TenantService.class).tenant(admin.id()));
  }

  /** Row counts and contents of every table of the tenant's database. */
  private String fingerprint() {
    List<String> parts = new ArrayList<>();
    for (String table : db().sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
        + "AND tablename <> 'flyway_schema_history' ORDER BY 1").query(String.class).list()) {
      parts.add(table + "=" + db().sql("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, ',' ORDER BY "
          + "t::text), '')) FROM " + table + " t").query(String.class).single());
    }
    return String.join(" ", parts);
  }
}
