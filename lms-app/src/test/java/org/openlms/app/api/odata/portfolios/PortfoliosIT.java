package org.openlms.app.api.odata.portfolios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.portfolio.PortfolioMembership;
import org.openlms.app.portfolio.PortfolioMembership.Memberships;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Portfolios and sub-portfolios in LoanPro's shapes, and linking loans to them as the SDK does. */
class PortfoliosIT {

  static final String SVC = "/api/public/api/1/odata.svc/";
  private static final String LOAN = """
      {"displayId":"%s","LoanSetup":{"loanAmount":5000,"loanRate":10,"loanTerm":24,"contractDate":"2025-01-01",
      "firstPaymentDate":"2025-02-01"}}""";

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  static long portfolio(Http http, TenantAccess t, String title) {
    Http.Response r = http.api("POST", SVC + "Portfolios", t.id(), t.token(), "{\"title\":\"" + title + "\"}");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("d").get("id").asLong();
  }

  static long subPortfolio(Http http, TenantAccess t, long parent, String title) {
    Http.Response r = http.api("POST", SVC + "SubPortfolios", t.id(), t.token(),
        "{\"title\":\"" + title + "\",\"parent\":" + parent + "}");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("d").get("id").asLong();
  }

  static long loan(Http http, TenantAccess t, String displayId) {
    Http.Response r = http.api("POST", SVC + "Loans", t.id(), t.token(), LOAN.formatted(displayId));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("d").get("id").asLong();
  }

  /** The SDK's AddPortfolio payload. */
  static String addByUri(String set, long id) {
    String type = set.equals("Portfolios") ? "Entity.Portfolio" : "Entity.SubPortfolio";
    return "{\"" + set + "\":{\"results\":[{\"__metadata\":{\"uri\":\"/api/1/odata.svc/" + set + "(id=" + id
        + ")\",\"type\":\"" + type + "\"}}]}}";
  }

  static Http.Response put(Http http, TenantAccess t, long loan, String body) {
    return http.api("PUT", SVC + "Loans(" + loan + ")", t.id(), t.token(), body);
  }

  @Test
  void createReadUpdateWithNestedSubPortfolios() {
    TenantAccess t = server.newTenant();
    Http.Response created = http.api("POST", SVC + "Portfolios()", t.id(), t.token(), """
        {"title":"Auto loans","numPrefix":"AU-","numSuffix":"-X","categoryId":2,"entityType":"Entity.Loan",
         "active":1,"SubPortfolios":{"results":[{"title":"Prime"},{"title":"Subprime","active":0}]}}""");
    assertThat(created.status()).as(created.raw()).isEqualTo(200);
    JsonNode p = created.body().get("d");
    long id = p.get("id").asLong();
    assertThat(p.get("__metadata").get("type").asString()).isEqualTo("Entity.Portfolio");
    assertThat(p.get("__metadata").get("uri").asString()).endsWith("odata.svc/Portfolios(id=" + id + ")");
    assertThat(p.get("title").asString()).isEqualTo("Auto loans");
    assertThat(p.get("numPrefix").asString()).isEqualTo("AU-");
    assertThat(p.get("numSuffix").asString()).isEqualTo("-X");
    assertThat(p.get("categoryId").asInt()).isEqualTo(2);
    assertThat(p.get("entityType").asString()).isEqualTo("Entity.Loan");
    assertThat(p.get("active").asInt()).isEqualTo(1);
    JsonNode subs = p.get("SubPortfolios").get("results");
    assertThat(subs).hasSize(2);
    assertThat(subs.get(1).get("title").asString()).isEqualTo("Subprime");
    assertThat(subs.get(1).get("active").asInt()).isZero();
    assertThat(subs.get(1).get("parent").asLong()).isEqualTo(id);
    long subprime = subs.get(1).get("id").asLong();

    JsonNode plain = http.api("GET", SVC + "Portfolios(id=" + id + ")", t.id(), t.token(), null).body().get("d");
    assertThat(plain.get("SubPortfolios").get("__deferred").get("uri").asString())
        .isEqualTo("Portfolios(id=" + id + ")/SubPortfolios");

    Http.Response updated = http.api("PUT", SVC + "Portfolios(" + id + ")", t.id(), t.token(), """
        {"__update":true,"__id":%d,"title":"Auto","active":0,"numSuffix":null,
         "SubPortfolios":{"results":[{"__id":%d,"__update":true,"active":1},{"title":"Near prime"}]}}"""
        .formatted(id, subprime));
    assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
    JsonNode u = updated.body().get("d");
    assertThat(u.get("title").asString()).isEqualTo("Auto");
    assertThat(u.get("active").asInt()).isZero();
    assertThat(u.get("numSuffix").isNull()).isTrue();
    assertThat(u.get("numPrefix").asString()).isEqualTo("AU-");
    assertThat(titles(u.get("SubPortfolios").get("results"))).containsExactly("Prime", "Subprime", "Near prime");
    assertThat(u.get("SubPortfolios").get("results").get(1).get("active").asInt()).isEqualTo(1);

    JsonNode expanded = http.api("GET", SVC + "Portfolios?$expand=SubPortfolios&$filter=title%20eq%20'Auto'", t.id(),
        t.token(), null).body().get("d");
    assertThat(expanded.get("summary").get("total").asInt()).isEqualTo(1);
    assertThat(expanded.get("results").get(0).get("SubPortfolios").get("results")).hasSize(3);

    JsonNode nav = http.api("GET", SVC + "Portfolios(" + id + ")/SubPortfolios?$filter=active%20eq%201&$orderby=title%20desc",
        t.id(), t.token(), null).body().get("d");
    assertThat(titles(nav.get("results"))).containsExactly("Subprime", "Prime", "Near prime");

    Http.Response sub = http.api("PUT", SVC + "SubPortfolios(id=" + subprime + ")", t.id(), t.token(),
        "{\"title\":\"Sub-prime\"}");
    assertThat(sub.body().get("d").get("title").asString()).isEqualTo("Sub-prime");
    assertThat(http.api("GET", SVC + "SubPortfolios(" + subprime + ")", t.id(), t.token(), null).body().get("d")
        .get("__metadata").get("type").asString()).isEqualTo("Entity.SubPortfolio");
    JsonNode all = http.api("GET", SVC + "SubPortfolios?$filter=parent%20eq%20" + id + "&$select=title", t.id(),
        t.token(), null).body().get("d");
    assertThat(all.get("summary").get("total").asInt()).isEqualTo(3);
    assertThat(all.get("results").get(0).has("parent")).isFalse();
  }

  @Test
  void linkByUriOrIdExpandAndUnlink() {
    TenantAccess t = server.newTenant();
    long auto = portfolio(http, t, "Auto");
    long mortgage = portfolio(http, t, "Mortgage");
    long prime = subPortfolio(http, t, auto, "Prime");
    long loan = loan(http, t, "P-1");

    assertThat(put(http, t, loan, addByUri("Portfolios", mortgage)).status()).isEqualTo(200);
    // A sub-portfolio link brings its parent portfolio with it.
    Http.Response sub = put(http, t, loan, "{\"SubPortfolios\":{\"results\":[{\"__id\":" + prime + "}]}}");
    assertThat(sub.status()).as(sub.raw()).isEqualTo(200);
    JsonNode l = http.api("GET", SVC + "Loans(" + loan + ")?$expand=Portfolios,SubPortfolios", t.id(), t.token(),
        null).body().get("d");
    assertThat(ids(l.get("Portfolios").get("results"))).containsExactlyInAnyOrder(auto, mortgage);
    assertThat(ids(l.get("SubPortfolios").get("results"))).containsExactly(prime);
    assertThat(l.get("Portfolios").get("results").get(0).get("__metadata").get("type").asString())
        .isEqualTo("Entity.Portfolio");
    JsonNode nav = http.api("GET", SVC + "Loans(id=" + loan + ")/Portfolios?$orderby=title", t.id(), t.token(), null)
        .body().get("d");
    assertThat(titles(nav.get("results"))).containsExactly("Auto", "Mortgage");
    assertThat(nav.get("summary").get("total").asInt()).isEqualTo(2);
    JsonNode loans = http.api("GET", SVC + "Loans?$expand=Portfolios", t.id(), t.token(), null).body().get("d");
    assertThat(loans.get("results").get(0).get("Portfolios").get("results")).hasSize(2);

    // Linking again changes nothing; unlinking a portfolio takes its sub-portfolios with it.
    assertThat(put(http, t, loan, addByUri("Portfolios", auto)).status()).isEqualTo(200);
    Http.Response unlink = put(http, t, loan, """
        {"Portfolios":{"results":[{"__metadata":{"uri":"/api/1/odata.svc/Portfolios(id=%d)","type":"Entity.Portfolio"},
         "__destroy":true,"__id":%d}]}}""".formatted(auto, auto));
    assertThat(unlink.status()).as(unlink.raw()).isEqualTo(200);
    assertThat(ids(http.api("GET", SVC + "Loans(" + loan + ")/Portfolios", t.id(), t.token(), null).body().get("d")
        .get("results"))).containsExactly(mortgage);
    assertThat(http.api("GET", SVC + "Loans(" + loan + ")/SubPortfolios", t.id(), t.token(), null).body().get("d")
        .get("summary").get("total").asInt()).isZero();
    assertThat(audit(t, loan)).containsExactly("create", "linkPortfolio", "linkSubPortfolio", "unlinkPortfolio");
    assertThat(db(t).sql("SELECT detail::text FROM audit_log WHERE entity_id = ? AND action = 'unlinkPortfolio'")
        .param(loan).query(String.class).single()).contains("\"subPortfolioIds\": [" + prime + "]");
  }

  @Test
  void aLoanCanBeCreatedInItsPortfolios() {
    TenantAccess t = server.newTenant();
    long auto = portfolio(http, t, "Auto");
    long prime = subPortfolio(http, t, auto, "Prime");
    Http.Response r = http.api("POST", SVC + "Loans", t.id(), t.token(), """
        {"displayId":"C-1","LoanSetup":{"loanAmount":5000,"loanRate":10,"loanTerm":24,"contractDate":"2025-01-01",
        "firstPaymentDate":"2025-02-01"},"SubPortfolios":{"results":[{"__id":%d}]}}""".formatted(prime));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    long loan = r.body().get("d").get("id").asLong();
    assertThat(ids(http.api("GET", SVC + "Loans(" + loan + ")/Portfolios", t.id(), t.token(), null).body().get("d")
        .get("results"))).containsExactly(auto);
  }

  /** The Java API the automation rules use: memberships in bulk, in the caller's transaction, invariant kept. */
  @Test
  void membershipApiKeepsSubPortfoliosInsideTheirParents() {
    TenantAccess t = server.newTenant();
    long auto = portfolio(http, t, "Auto");
    long prime = subPortfolio(http, t, auto, "Prime");
    long one = loan(http, t, "M-1");
    long two = loan(http, t, "M-2");
    long three = loan(http, t, "M-3");
    TenantTransactions tx = server.bean(TenantTransactions.class);
    var tenant = server.bean(TenantService.class).tenant(t.id());

    Integer added = tx.inTransaction(tenant, db -> PortfolioMembership.addAllSub(db, List.of(one, two), prime));
    assertThat(added).isEqualTo(2);
    assertThat(tx.<Boolean>inTransaction(tenant, db -> PortfolioMembership.add(db, three, auto))).isTrue();
    assertThat(tx.<Boolean>inTransaction(tenant, db -> PortfolioMembership.add(db, three, auto))).isFalse();
    Map<Long, Memberships> m = PortfolioMembership.of(db(t), List.of(one, two, three));
    assertThat(m.get(one)).isEqualTo(new Memberships(List.of(auto), List.of(prime)));
    assertThat(m.get(three)).isEqualTo(new Memberships(List.of(auto), List.of()));

    assertThat(tx.<Boolean>inTransaction(tenant, db -> PortfolioMembership.remove(db, one, auto))).isTrue();
    assertThat(tx.<Boolean>inTransaction(tenant, db -> PortfolioMembership.removeSub(db, two, prime))).isTrue();
    m = PortfolioMembership.of(db(t), List.of(one, two));
    assertThat(m.get(one)).isEqualTo(Memberships.NONE);
    assertThat(m.get(two)).isEqualTo(new Memberships(List.of(auto), List.of()));
    assertThatThrownBy(() -> tx.<Boolean>inTransaction(tenant, db -> PortfolioMembership.add(db, one, 999_999)))
        .hasMessageContaining("portfolio 999999 does not exist");
    assertThat(PortfolioMembership.of(db(t), List.of(one)).get(one)).isEqualTo(Memberships.NONE);
  }

  @Test
  void badInputIsRefusedAndWritesNothing() {
    TenantAccess t = server.newTenant();
    long auto = portfolio(http, t, "Auto");
    long other = portfolio(http, t, "Other");
    long foreignSub = subPortfolio(http, t, other, "Foreign");
    long loan = loan(http, t, "B-1");
    assertThat(put(http, t, loan, addByUri("Portfolios", auto)).status()).isEqualTo(200);
    String before = fingerprint(t);

    List<Object[]> refused = List.of(
        new Object[] {"PUT", "Loans(" + loan + ")", addByUri("Portfolios", 999_999), "portfolio 999999 does not exist"},
        new Object[] {"PUT", "Loans(" + loan + ")", "{\"title\":\"changed\",\"Portfolios\":{\"results\":[{\"__id\":"
            + auto + "},{\"__id\":999999}]}}", "portfolio 999999 does not exist"},
        new Object[] {"PUT", "Loans(" + loan + ")", addByUri("SubPortfolios", 999_999), "sub-portfolio 999999 does not exist"},
        new Object[] {"PUT", "Loans(" + loan + ")", "{\"Portfolios\":[{\"__id\":" + auto + "}]}", "bare array"},
        new Object[] {"PUT", "Loans(" + loan + ")", "{\"Portfolios\":{\"results\":[{\"__id\":\"three\"}]}}", "__id"},
        new Object[] {"PUT", "Loans(" + loan + ")", "{\"Portfolios\":{\"results\":[{\"__id\":-3}]}}", "positive"},
        new Object[] {"PUT", "Loans(" + loan + ")", "{\"Portfolios\":{\"results\":[{\"__id\":" + auto
            + ",\"color\":\"red\"}]}}", "unknown field"},
        new Object[] {"PUT", "Loans(" + loan + ")", "{\"Portfolios\":{\"results\":[{\"__metadata\":{\"uri\":"
            + "\"/api/1/odata.svc/Portfolios(id=" + auto + ")\",\"type\":\"Entity.Customer\"}}]}}", "Entity.Portfolio"},
        new Object[] {"PUT", "Loans(" + loan + ")", "{\"Portfolios\":{\"results\":[{\"__id\":" + other
            + ",\"__destroy\":true}]}}", "is not linked"},
        new Object[] {"PUT", "Loans(" + loan + ")", "{\"Portfolios\":{\"results\":[{\"__id\":" + auto + "},{\"__id\":"
            + auto + "}]}}", "more than once"},
        new Object[] {"PUT", "Loans(" + loan + ")", "{\"Portfolios\":{\"results\":[7]}}", "must be an object"},
        new Object[] {"POST", "Portfolios", "{\"numPrefix\":\"X\"}", "title"},
        new Object[] {"POST", "Portfolios", "{\"title\":\"  \"}", "title"},
        new Object[] {"POST", "Portfolios", "{\"title\":[1]}", "title"},
        new Object[] {"POST", "Portfolios", "{\"title\":\"X\",\"categoryId\":\"abc\"}", "categoryId"},
        new Object[] {"POST", "Portfolios", "{\"title\":\"X\",\"entityType\":\"Entity.Customer\"}", "Entity.Loan"},
        new Object[] {"POST", "Portfolios", "{\"title\":\"X\",\"active\":\"maybe\"}", "active"},
        new Object[] {"POST", "Portfolios", "{\"title\":\"X\",\"colour\":\"red\"}", "unknown field"},
        new Object[] {"POST", "Portfolios", "{\"title\":\"X\",\"SubPortfolios\":{\"results\":[{\"active\":1}]}}", "title"},
        new Object[] {"POST", "Portfolios", "[1]", "JSON object"},
        new Object[] {"PUT", "Portfolios(" + auto + ")", "{\"title\":null}", "title"},
        new Object[] {"PUT", "Portfolios(" + auto + ")", "{\"title\":\"Y\",\"SubPortfolios\":{\"results\":[{\"__id\":"
            + foreignSub + ",\"title\":\"Mine now\"}]}}", "not one of this portfolio's"},
        new Object[] {"PUT", "Portfolios(999999)", "{\"title\":\"Y\"}", "Resource not found for the segment 'Portfolios'"},
        new Object[] {"POST", "SubPortfolios", "{\"title\":\"S\"}", "parent"},
        new Object[] {"POST", "SubPortfolios", "{\"title\":\"S\",\"parent\":999999}", "does not exist"},
        new Object[] {"POST", "SubPortfolios", "{\"title\":\"S\",\"parent\":\"x\"}", "parent"},
        new Object[] {"PUT", "SubPortfolios(" + foreignSub + ")", "{\"parent\":" + auto + "}", "can't be changed"});
    for (Object[] c : refused) {
      Http.Response r = http.api((String) c[0], SVC + c[1], t.id(), t.token(), (String) c[2]);
      assertThat(r.status()).as(c[0] + " " + c[1] + " " + c[2] + " -> " + r.raw()).isEqualTo(409);
      assertThat(r.errorMessage()).as(c[2].toString()).contains((String) c[3]);
      assertThat(fingerprint(t)).as("refused but changed: " + c[2]).isEqualTo(before);
    }
    assertThat(http.api("GET", SVC + "Portfolios(999999)", t.id(), t.token(), null).status()).isEqualTo(409);
    assertThat(http.api("GET", SVC + "Portfolios?$expand=Loans", t.id(), t.token(), null).status()).isEqualTo(409);
    assertThat(http.api("GET", SVC + "Portfolios?$filter=colour%20eq%20'x'", t.id(), t.token(), null).status())
        .isEqualTo(409);
  }

  private List<String> audit(TenantAccess t, long loan) {
    return db(t).sql("SELECT action FROM audit_log WHERE entity_type = 'Loan' AND entity_id = ? ORDER BY id")
        .param(loan).query(String.class).list();
  }

  private String fingerprint(TenantAccess t) {
    List<String> parts = new ArrayList<>();
    for (String table : List.of("loan", "portfolio", "sub_portfolio", "loan_portfolio", "loan_sub_portfolio",
        "audit_log")) {
      parts.add(db(t).sql("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM "
          + table + " t").query(String.class).single());
    }
    return String.join(" ", parts);
  }

  private JdbcClient db(TenantAccess t) {
    return server.bean(TenantTransactions.class).jdbc(server.bean(TenantService.class).tenant(t.id()));
  }

  static List<Long> ids(JsonNode results) {
    List<Long> out = new ArrayList<>();
    results.forEach(r -> out.add(r.get("id").asLong()));
    return out;
  }

  private static List<String> titles(JsonNode results) {
    List<String> out = new ArrayList<>();
    results.forEach(r -> out.add(r.get("title").asString()));
    return out;
  }
}
