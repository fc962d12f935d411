package org.openlms.app.api.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.TenantTransactions;
import org.openlms.app.tenancy.TenantService;
import tools.jackson.databind.JsonNode;

/** The Loans entity set with LoanPro's payloads, against a real server and database. */
class LoansIT {

  private static final String LOANS = "/api/public/api/1/odata.svc/Loans";
  /** The minimal create payload from the LoanPro reference, section 4.6, as written. */
  private static final String MINIMAL_CREATE = """
      {"displayId":"X","LoanSettings":{"loanStatusId":1,"loanSubStatusId":60},"LoanSetup":{"active":1,
      "loanAmount":"10000.00","loanRate":"12.99","loanRateType":"loan.rateType.annually","loanTerm":"36",
      "contractDate":"2025-01-10","firstPaymentDate":"2025-02-15","loanType":"loan.type.installment",
      "loanClass":"loan.class.consumer","paymentFrequency":"loan.frequency.monthly",
      "calcType":"loan.calcType.simpleInterest","daysInYear":"loan.daysInYear.actual",
      "interestApplication":"loan.interestApplication.betweenTransactions"}}""";
  /** LoanPro's API calculator sample (reference 4.3), with dates as /Date()/ and numbers as numbers. */
  private static final String CALCULATOR_SAMPLE = """
      {"displayId":"SAMPLE-1","title":"Calculator sample","LoanSetup":{"loanAmount":15000,"loanRate":4.7,
      "loanRateType":"loan.rateType.annually","loanTerm":60,"contractDate":"/Date(1597622400)/",
      "firstPaymentDate":"/Date(1598918400)/","paymentFrequency":"loan.frequency.monthly",
      "calcType":"loan.calcType.simpleInterest","daysInYear":"loan.daysInYear.actual"}}""";

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  @Test
  void theReferencesMinimalCreatePayloadCreatesAnActivatedLoan() {
    TenantAccess t = server.newTenant();
    Http.Response r = http.api("POST", LOANS, t.id(), t.token(), MINIMAL_CREATE);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    JsonNode d = r.body().get("d");
    long id = d.get("id").asLong();
    assertThat(d.get("displayId").asString()).isEqualTo("X");
    assertThat(d.get("__metadata").get("uri").asString()).endsWith("/odata.svc/Loans(id=" + id + ")");
    assertThat(d.get("__metadata").get("type").asString()).isEqualTo("Entity.Loan");
    JsonNode setup = d.get("LoanSetup");
    assertThat(setup.get("active").asInt()).isEqualTo(1);
    assertThat(setup.get("loanAmount").asString()).isEqualTo("10000.00");
    assertThat(setup.get("loanTerm").asString()).isEqualTo("36");
    assertThat(setup.get("contractDate").asString()).isEqualTo("/Date(1736467200)/");
    assertThat(setup.get("isSetupValid").asBoolean()).isTrue();
    // 10000 at 12.99 % over 36 months: the annuity payment is 336.90 (before any odd-first-period effect).
    assertThat(setup.get("payment").isString()).isTrue();
    assertThat(new java.math.BigDecimal(setup.get("payment").asString())).isBetween(
        new java.math.BigDecimal("336.00"), new java.math.BigDecimal("338.50"));
    assertThat(d.get("LoanSettings").get("loanSubStatusId").asInt()).isEqualTo(60);
    assertThat(d.get("StatusArchive").get("__deferred").get("uri").asString())
        .isEqualTo("Loans(id=" + id + ")/StatusArchive");
  }

  @Test
  void thePublishedCalculatorSampleReadsBackLoanProsFigures() {
    TenantAccess t = server.newTenant();
    Http.Response r = http.api("POST", LOANS + "()", t.id(), t.token(), CALCULATOR_SAMPLE);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    JsonNode setup = r.body().get("d").get("LoanSetup");
    assertThat(setup.get("payment").asString()).isEqualTo("281.01");
    assertThat(setup.get("origFinalPaymentDate").asString()).isEqualTo("/Date(1754006400)/");
    assertThat(setup.get("active").asInt()).isZero();
  }

  @Test
  void bothKeyFormsAndExpandReadTheLoan() {
    TenantAccess t = server.newTenant();
    long id = create(t, CALCULATOR_SAMPLE);
    Http.Response bare = http.api("GET", LOANS + "(" + id + ")", t.id(), t.token(), null);
    Http.Response keyed = http.api("GET", LOANS + "(id=" + id + ")?$expand=LoanSetup", t.id(), t.token(), null);
    assertThat(bare.status()).isEqualTo(200);
    assertThat(bare.body().get("d").get("LoanSetup").has("__deferred")).isTrue();
    assertThat(keyed.body().get("d").get("LoanSetup").get("payment").asString()).isEqualTo("281.01");
    Http.Response list = http.api("GET", LOANS + "()?$expand=LoanSettings", t.id(), t.token(), null);
    assertThat(list.body().get("d").get("results").size()).isEqualTo(1);
    assertThat(list.body().get("d").get("summary").get("total").asLong()).isEqualTo(1);
  }

  @Test
  void loansCanBeFilteredSortedAndPagedWithOData() {
    TenantAccess t = server.newTenant();
    for (String id : new String[] {"A-1", "B-2", "A-3"}) {
      create(t, CALCULATOR_SAMPLE.replace("SAMPLE-1", id));
    }
    Http.Response r = http.api("GET", LOANS + "?$filter=startswith(displayId,%27A-%27)&$orderby=displayId%20desc&$top=1",
        t.id(), t.token(), null);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    assertThat(r.body().get("d").get("results").get(0).get("displayId").asString()).isEqualTo("A-3");
    assertThat(r.body().get("d").get("summary").get("total").asLong()).isEqualTo(2);
    assertThat(r.body().get("d").get("summary").get("pageSize").asLong()).isEqualTo(1);
    Http.Response constant = http.api("GET", LOANS + "?$filter=4%20gt%205", t.id(), t.token(), null);
    assertThat(constant.body().get("d").get("results").size()).isZero();
    Http.Response expandUnknown = http.api("GET", LOANS + "?$expand=Nope", t.id(), t.token(), null);
    assertThat(expandUnknown.status()).isEqualTo(409);
    assertThat(expandUnknown.errorMessage()).contains("'Nope'");
  }

  @Test
  void setupCanChangeUntilActivationAndNotAfter() {
    TenantAccess t = server.newTenant();
    long id = create(t, CALCULATOR_SAMPLE);
    Http.Response changed = http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(),
        "{\"__update\":true,\"__id\":" + id + ",\"LoanSetup\":{\"__update\":true,\"loanTerm\":\"36\"}}");
    assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    assertThat(changed.body().get("d").get("LoanSetup").get("loanTerm").asString()).isEqualTo("36");
    assertThat(changed.body().get("d").get("LoanSetup").get("loanAmount").asString()).isEqualTo("15000.00");

    Http.Response activated = http.api("POST", "/api/public/api/1/Loans(id=" + id + ")/autopal.Activate()", t.id(), t.token(), null);
    assertThat(activated.body().get("d").get("success").asBoolean()).isTrue();
    Http.Response refused = http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(), "{\"LoanSetup\":{\"loanTerm\":\"48\"}}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorMessage()).isEqualTo("LoanSetup can't be updated while the loan is activated");
    assertThat(get(t, id).get("LoanSetup").get("loanTerm").asString()).isEqualTo("36");
  }

  @Test
  void archiveUnarchiveAndDelete() {
    TenantAccess t = server.newTenant();
    long id = create(t, CALCULATOR_SAMPLE);
    assertThat(http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(), "{\"archived\":1}").status()).isEqualTo(200);
    assertThat(get(t, id).get("archived").asInt()).isEqualTo(1);
    Http.Response archivedDelete = http.api("DELETE", LOANS + "(" + id + ")", t.id(), t.token(), null);
    assertThat(archivedDelete.status()).isEqualTo(409);
    http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(), "{\"archived\":0}");
    assertThat(http.api("DELETE", LOANS + "(" + id + ")", t.id(), t.token(), null).status()).isEqualTo(200);
    Http.Response gone = http.api("GET", LOANS + "(" + id + ")", t.id(), t.token(), null);
    assertThat(gone.status()).isEqualTo(409);
    assertThat(gone.errorMessage()).isEqualTo("Resource not found for the segment 'Loans'");
    long audits = server.bean(TenantTransactions.class).jdbc(server.bean(TenantService.class).tenant(t.id()))
        .sql("SELECT count(*) FROM audit_log WHERE entity_type = 'Loan' AND entity_id = ?").param(id)
        .query(Long.class).single();
    assertThat(audits).isEqualTo(4);
  }

  @Test
  void temporaryAccountsAreCreatedFilteredAndMadePermanent() {
    TenantAccess t = server.newTenant();
    long permanent = create(t, CALCULATOR_SAMPLE);
    long temporary = create(t, CALCULATOR_SAMPLE.replace("SAMPLE-1", "TEMP-1").replace("\"title\"",
        "\"temporaryAccount\":1,\"title\""));
    assertThat(get(t, temporary).get("temporaryAccount").asInt()).isEqualTo(1);
    assertThat(get(t, permanent).get("temporaryAccount").asInt()).isZero();
    JsonNode temps = http.api("GET", LOANS + "?$filter=temporaryAccount%20eq%201&$select=id", t.id(), t.token(), null)
        .body().get("d");
    assertThat(temps.get("summary").get("total").asInt()).isEqualTo(1);
    assertThat(temps.get("results").get(0).get("id").asLong()).isEqualTo(temporary);
    assertThat(http.api("PUT", LOANS + "(" + temporary + ")", t.id(), t.token(), "{\"temporaryAccount\":0}")
        .body().get("d").get("temporaryAccount").asInt()).isZero();
    assertThat(http.api("GET", LOANS + "?$filter=temporaryAccount%20eq%201", t.id(), t.token(), null).body()
        .get("d").get("summary").get("total").asInt()).isZero();
    Http.Response bad = http.api("PUT", LOANS + "(" + temporary + ")", t.id(), t.token(), "{\"temporaryAccount\":\"maybe\"}");
    assertThat(bad.status()).isEqualTo(409);
    assertThat(bad.errorMessage()).contains("temporaryAccount");
  }

  @Test
  void oneLoanTakesSelectAndTheSdksNopagingAndRefusesMisspeltOptions() {
    TenantAccess t = server.newTenant();
    long id = create(t, CALCULATOR_SAMPLE);
    JsonNode d = http.api("GET", LOANS + "(" + id + ")?$select=id,displayId&nopaging=true", t.id(), t.token(), null)
        .body().get("d");
    assertThat(d.propertyNames()).containsExactly("__metadata", "id", "displayId");
    assertThat(d.get("displayId").asString()).isEqualTo("SAMPLE-1");
    Http.Response unknown = http.api("GET", LOANS + "(" + id + ")?$select=id,nope", t.id(), t.token(), null);
    assertThat(unknown.status()).isEqualTo(409);
    assertThat(unknown.errorMessage()).contains("nope");
    Http.Response typo = http.api("GET", LOANS + "(" + id + ")?$exapnd=LoanSetup", t.id(), t.token(), null);
    assertThat(typo.status()).isEqualTo(409);
    assertThat(typo.errorMessage()).contains("$exapnd");
    Http.Response customer = http.api("GET", "/api/public/api/1/odata.svc/Customers(1)?$selct=id", t.id(), t.token(),
        null);
    assertThat(customer.status()).isEqualTo(409);
    assertThat(customer.errorMessage()).contains("$selct");
  }

  @Test
  void badLoanPayloadsAreRefusedByFieldAndWriteNothing() {
    TenantAccess t = server.newTenant();
    create(t, CALCULATOR_SAMPLE);
    Map<String, String> cases = Map.of(
        "{\"displayId\":\"A\"}", "LoanSetup is required",
        CALCULATOR_SAMPLE.replace("\"SAMPLE-1\"", "\"B\"").replace("4.7,", "\"abc\","), "LoanSetup.loanRate",
        CALCULATOR_SAMPLE.replace("\"SAMPLE-1\"", "\"C\"").replace("simpleInterest", "simpleIntLocked"), "LoanSetup.calcType",
        CALCULATOR_SAMPLE.replace("\"SAMPLE-1\"", "\"D\"").replace("/Date(1597622400)/", "2020-13-45"), "LoanSetup.contractDate",
        CALCULATOR_SAMPLE.replace("\"SAMPLE-1\"", "\"E\"").replace("\"loanTerm\":60", "\"loanTerm\":60,\"bogus\":1"), "LoanSetup.bogus: unknown field",
        CALCULATOR_SAMPLE.replace("\"SAMPLE-1\"", "\"F\"").replace("\"title\"", "\"tittle\""), "Loan.tittle: unknown field",
        CALCULATOR_SAMPLE, "displayId 'SAMPLE-1' is already used",
        CALCULATOR_SAMPLE.replace("\"SAMPLE-1\"", "\"G\"").replace("15000", "-5"), "LoanSetup.loanAmount");
    cases.forEach((body, message) -> {
      Http.Response r = http.api("POST", LOANS, t.id(), t.token(), body);
      assertThat(r.status()).as(message).isEqualTo(409);
      assertThat(r.errorMessage()).as(body).contains(message);
    });
    Http.Response list = http.api("GET", LOANS, t.id(), t.token(), null);
    assertThat(list.body().get("d").get("summary").get("total").asLong()).isEqualTo(1);
  }

  @Test
  void anotherTenantCannotSeeOrChangeTheLoan() {
    TenantAccess a = server.newTenant();
    TenantAccess b = server.newTenant();
    long id = create(a, CALCULATOR_SAMPLE);
    Http.Response other = http.api("GET", LOANS + "(" + id + ")", b.id(), b.token(), null);
    assertThat(other.status()).isEqualTo(409); // b's database has no such loan
    assertThat(http.api("GET", LOANS + "(" + id + ")", b.id(), a.token(), null).status()).isEqualTo(401);
  }

  private long create(TenantAccess t, String body) {
    Http.Response r = http.api("POST", LOANS, t.id(), t.token(), body);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("d").get("id").asLong();
  }

  private JsonNode get(TenantAccess t, long id) {
    return http.api("GET", LOANS + "(" + id + ")?$expand=LoanSetup", t.id(), t.token(), null).body().get("d");
  }
}
