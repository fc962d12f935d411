package org.openlms.app.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlms.app.support.ServicingLoans.LOANS;
import static org.openlms.app.support.ServicingLoans.ok;

import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.support.ServicingLoans;
import tools.jackson.databind.JsonNode;

/**
 * A loan's status and sub-status texts from the tenant's statuses (LoanPro's defaults: Application, Open,
 * Closed and their sub-statuses), in LoanSettings and in the loan search, as clients filter on them.
 */
class LoanStatusTextIT {

  private static final String SEARCH = "/api/public/api/1/Loans/Autopal.Search()";
  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  @Test
  void settingsAnswerTheTextsOfTheirIdsAndAcceptThemBackAsRead() {
    TenantAccess t = server.newTenant();
    long id = ServicingLoans.create(http, t, "S1", false);
    JsonNode none = settings(t, id);
    assertThat(none.get("loanStatusId").isNull()).isTrue();
    assertThat(none.get("loanStatusText").isNull()).isTrue();

    ok(http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(),
        "{\"LoanSettings\":{\"__update\":true,\"__id\":" + id + ",\"loanStatusId\":2,\"loanSubStatusId\":7}}"));
    JsonNode open = settings(t, id);
    assertThat(open.get("loanStatusText").asString()).isEqualTo("Open");
    assertThat(open.get("loanSubStatusText").asString()).isEqualTo("Open-repaying");

    // A client that PUTs back what it read (texts included) changes only what it changed; texts are not writable.
    String readBack = open.toString().replace("\"loanSubStatusId\":7", "\"loanSubStatusId\":15")
        .replace("\"loanStatusId\":2", "\"loanStatusId\":3");
    ok(http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(), "{\"LoanSettings\":" + readBack + "}"));
    JsonNode closed = settings(t, id);
    assertThat(closed.get("loanStatusText").asString()).isEqualTo("Closed");
    assertThat(closed.get("loanSubStatusText").asString()).isEqualTo("Closed - Charged Off");

    // An id the tenant has not configured (the reference's sub-status 60) is kept, without a text.
    ok(http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(),
        "{\"LoanSettings\":{\"loanStatusId\":1,\"loanSubStatusId\":60}}"));
    JsonNode application = settings(t, id);
    assertThat(application.get("loanStatusText").asString()).isEqualTo("Application");
    assertThat(application.get("loanSubStatusId").asInt()).isEqualTo(60);
    assertThat(application.get("loanSubStatusText").isNull()).isTrue();
    // The list answers the same texts as the single read.
    JsonNode listed = http.api("GET", LOANS + "?$expand=LoanSettings", t.id(), t.token(), null).body().get("d")
        .get("results").get(0).get("LoanSettings");
    assertThat(listed).isEqualTo(application);
  }

  @Test
  void searchFindsLoansByStatusTextAsTheReferenceBodyAsks() {
    TenantAccess t = server.newTenant();
    long late = ServicingLoans.create(http, t, "LATE", true); // activated in 2020 and never paid: past due
    long closed = ServicingLoans.create(http, t, "CLOSED", true);
    ServicingLoans.create(http, t, "NONE", true);
    ok(http.api("PUT", LOANS + "(" + late + ")", t.id(), t.token(),
        "{\"LoanSettings\":{\"loanStatusId\":2,\"loanSubStatusId\":11}}"));
    ok(http.api("PUT", LOANS + "(" + closed + ")", t.id(), t.token(),
        "{\"LoanSettings\":{\"loanStatusId\":3,\"loanSubStatusId\":14}}"));

    JsonNode d = search(t, """
        {"size":50,"query":{"bool":{"must":[{"range":{"daysPastDue":{"gt":5}}},{"match":{"loanStatusText":"Open"}}]}},
        "sort":[{"daysPastDue":{"order":"asc"}}]}""");
    assertThat(d.get("summary").get("total").asInt()).isEqualTo(1);
    JsonNode row = d.get("results").get(0);
    assertThat(row.get("displayId").asString()).isEqualTo("LATE");
    assertThat(row.get("loanStatusText").asString()).isEqualTo("Open");
    assertThat(row.get("loanStatusId").asInt()).isEqualTo(2);
    assertThat(row.get("loanSubStatusText").asString()).isEqualTo("Open-charged off collectible");

    JsonNode charged = search(t, "{\"query\":{\"query_string\":{\"query\":\"*charged*\",\"fields\":"
        + "[\"loanSubStatusText\"]}}}");
    assertThat(charged.get("summary").get("total").asInt()).isEqualTo(1);
    assertThat(charged.get("results").get(0).get("displayId").asString()).isEqualTo("LATE");
    assertThat(search(t, "{\"query\":{\"match\":{\"loanSubStatusText\":\"settled\"}}}").get("results").get(0)
        .get("displayId").asString()).isEqualTo("CLOSED");
    assertThat(search(t, "{\"query\":{\"bool\":{\"must_not\":{\"exists\":{\"field\":\"loanStatusText\"}}}}}")
        .get("results").get(0).get("displayId").asString()).isEqualTo("NONE");
    JsonNode sums = search(t, "{\"query\":{\"term\":{\"loanStatusId\":3}},"
        + "\"aggs\":{\"sum_loanamount\":{\"sum\":{\"field\":\"loanAmount\"}}}}").get("summary");
    assertThat(sums.get("total").asInt()).isEqualTo(1);
    assertThat(sums.get("aggregations").get("sum_loanamount").get("value").decimalValue())
        .isEqualByComparingTo("15000");
  }

  private JsonNode settings(TenantAccess t, long id) {
    Http.Response r = http.api("GET", LOANS + "(" + id + ")?$expand=LoanSettings", t.id(), t.token(), null);
    ok(r);
    return r.body().get("d").get("LoanSettings");
  }

  private JsonNode search(TenantAccess t, String body) {
    Http.Response r = http.api("POST", SEARCH, t.id(), t.token(), body);
    ok(r);
    return r.body().get("d");
  }
}
