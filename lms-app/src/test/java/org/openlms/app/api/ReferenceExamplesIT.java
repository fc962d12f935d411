package org.openlms.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import tools.jackson.databind.JsonNode;

/**
 * The request examples of the LoanPro reference (sections 1.4 and 4), sent through real HTTP exactly as written:
 * same path, query string and body; only the host, tenant, token and the ids of entities made here differ. Each
 * test asserts the shape a LoanPro client relies on (envelopes, money as strings, /Date()/ dates, paging).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceExamplesIT {

  private static final String API = "/api/public/api/1/";
  /** 4.6, minimal create, as written. */
  private static final String MINIMAL_CREATE = """
      {"displayId":"X","LoanSettings":{"loanStatusId":1,"loanSubStatusId":60},"LoanSetup":{"active":1,"loanAmount":"10000.00","loanRate":"12.99","loanRateType":"loan.rateType.annually","loanTerm":"36","contractDate":"2025-01-10","firstPaymentDate":"2025-02-15","loanType":"loan.type.installment","loanClass":"loan.class.consumer","paymentFrequency":"loan.frequency.monthly","calcType":"loan.calcType.simpleInterest","daysInYear":"loan.daysInYear.actual","interestApplication":"loan.interestApplication.betweenTransactions"}}""";
  private static final String ADDRESS = """
      {"address1":"1 Main St","city":"Denver","state":"geo.state.CO","zipcode":"80202","country":"company.country.usa"}""";

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();
  private TenantAccess t;
  /** The minimal create's loan (activated, contract 2025-01-10, so its archive runs from then to today). */
  private long loan;
  /** A second activated loan, contracted in 2021 so the payment example's 2022-01-01 date falls in its life. */
  private long older;

  @BeforeAll
  void createLoans() {
    t = server.newTenant();
    Http.Response r = send("POST", "odata.svc/Loans", MINIMAL_CREATE);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    loan = r.body().get("d").get("id").asLong();
    older = send("POST", "odata.svc/Loans", MINIMAL_CREATE.replace("\"X\"", "\"OLDER\"")
        .replace("2025-01-10", "2021-11-15").replace("2025-02-15", "2021-12-15")).body().get("d").get("id").asLong();
  }

  @Test
  void minimalCreateAnswersTheNewLoanAtDId() {
    JsonNode d = get("odata.svc/Loans(" + loan + ")");
    assertThat(d.get("id").asLong()).isEqualTo(loan);
    assertThat(d.get("displayId").asString()).isEqualTo("X");
    assertThat(d.get("__metadata").get("uri").asString()).endsWith("odata.svc/Loans(id=" + loan + ")");
    assertThat(d.get("__metadata").get("type").asString()).isEqualTo("Entity.Loan");
    assertThat(d.get("Notes").get("__deferred").get("uri").asString()).isEqualTo("Loans(id=" + loan + ")/Notes");
  }

  @Test
  void datesOfTheCreatePayloadReadBackAsEpochSeconds() {
    // 4.1: "contractDate": "2015-05-07" and "firstPaymentDate": "2015-05-08" read back as 1430956800 and 1431043200.
    Http.Response r = send("POST", "odata.svc/Loans()", MINIMAL_CREATE.replace("\"X\"", "\"SDK-DATES\"")
        .replace("\"active\":1,", "").replace("2025-01-10", "2015-05-07").replace("2025-02-15", "2015-05-08"));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    JsonNode setup = get("odata.svc/Loans(" + r.body().get("d").get("id").asLong() + ")?$expand=LoanSetup")
        .get("LoanSetup");
    assertThat(setup.get("contractDate").asString()).isEqualTo("/Date(1430956800)/");
    assertThat(setup.get("firstPaymentDate").asString()).isEqualTo("/Date(1431043200)/");
  }

  @Test
  void calculatorSampleGivesTheStoredResults() {
    // 4.3: 15000 at 4.7 % over 60 months from 2020-08-17, first payment 2020-09-01.
    Http.Response r = send("POST", "odata.svc/Loans", """
        {"displayId":"CALC","LoanSetup":{"loanAmount":15000,"loanRate":4.7,"loanRateType":"loan.rateType.annually",
        "loanTerm":60,"contractDate":"/Date(1597622400)/","firstPaymentDate":"/Date(1598918400)/",
        "paymentFrequency":"loan.frequency.monthly","calcType":"loan.calcType.simpleInterest",
        "daysInYear":"loan.daysInYear.actual"}}""");
    JsonNode setup = r.body().get("d").get("LoanSetup");
    assertThat(setup.get("payment").asString()).isEqualTo("281.01");
    assertThat(setup.get("origFinalPaymentDate").asString()).isEqualTo("/Date(1754006400)/");
    assertThat(setup.get("apr").asDouble()).isCloseTo(4.698, org.assertj.core.api.Assertions.within(0.002));
    // LoanPro stores a final payment of 280.45; ours differs by its unpublished first-period rule (see the
    // engine's PublishedFigureTest), so only its shape is checked here.
    assertThat(setup.get("origFinalPaymentAmount").asString()).matches("\\d+\\.\\d{2}");
  }

  @Test
  void statusArchiveFilteredByLoanAndDateRange() {
    // 1.4: odata.svc/LoanStatusArchive?$filter=id eq 123 and date ge datetime'2025-06-01' and date le datetime'2025-06-13'
    JsonNode d = get("odata.svc/LoanStatusArchive?$filter=id%20eq%20" + loan
        + "%20and%20date%20ge%20datetime'2025-06-01'%20and%20date%20le%20datetime'2025-06-13'");
    JsonNode rows = d.get("results");
    assertThat(rows).hasSize(13);
    assertThat(rows.get(0).get("date").asString()).isEqualTo("/Date(1748736000)/"); // 2025-06-01
    assertThat(rows.get(12).get("date").asString()).isEqualTo("/Date(1749772800)/"); // 2025-06-13
    assertThat(d.get("summary").get("total").asLong()).isEqualTo(13);
    // 4.5: the row's shape
    JsonNode row = rows.get(0);
    assertThat(row.get("id").asLong()).isEqualTo(loan);
    assertThat(row.get("loanId").asLong()).isEqualTo(loan);
    for (String money : List.of("amountDue", "dueInterest", "duePni", "nextPaymentAmount", "principalBalance",
        "payoff", "perdiem", "interestAccruedToday")) {
      assertThat(row.get(money).isString()).as(money).isTrue();
      assertThat(new java.math.BigDecimal(row.get(money).asString())).as(money).isNotNull();
    }
    assertThat(row.get("daysPastDue").isNumber()).isTrue();
    assertThat(row.get("periodsRemaining").isNumber()).isTrue();
    assertThat(row.get("nextPaymentDate").asString()).matches("/Date\\(\\d+\\)/");
    assertThat(row.has("dateLastCurrent")).isTrue();
  }

  @Test
  void paymentsFilteredByLoanWithTop() {
    // 1.4: odata.svc/Payments?$filter=entityId eq 5919&$top=30
    send("PUT", "odata.svc/Loans(" + older + ")", """
        {"Payments":{"results":[{"selectedProcessor":0,"paymentMethodId":1,"early":0,"amount":109.19,"date":"2022-01-01","info":"API Payment","paymentTypeId":1}]}}""");
    JsonNode d = get("odata.svc/Payments?$filter=entityId%20eq%20" + older + "&$top=30");
    assertThat(d.get("summary").get("pageSize").asInt()).isEqualTo(30);
    assertThat(d.get("results")).isNotEmpty();
    assertThat(d.get("results")).allMatch(p -> p.get("entityId").asLong() == older);
  }

  @Test
  void logAPaymentAsTheReferenceWritesIt() {
    // 4.6: PUT odata.svc/Loans(42) {"Payments":{"results":[{...}]}}
    Http.Response r = send("PUT", "odata.svc/Loans(" + older + ")", """
        {"Payments":{"results":[{"selectedProcessor":0,"paymentMethodId":1,"early":0,"amount":109.19,"date":"2022-01-01","info":"API Payment","paymentTypeId":1}]}}""");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    JsonNode payments = get("odata.svc/Loans(" + older + ")/Payments").get("results");
    assertThat(payments).anyMatch(p -> p.get("amount").asString().equals("109.19")
        && p.get("date").asString().equals("/Date(1640995200)/") && p.get("info").asString().equals("API Payment"));
  }

  @Test
  void twoLoansByIdWithTheirNavigationsExpanded() {
    // 1.4: odata.svc/Loans?$filter=id eq 1 or id eq 2&$expand=LoanSettings,LoanSetup,Customers,StatusArchive&$top=2
    JsonNode d = get("odata.svc/Loans?$filter=id%20eq%20" + loan + "%20or%20id%20eq%20" + older
        + "&$expand=LoanSettings,LoanSetup,Customers,StatusArchive&$top=2");
    JsonNode rows = d.get("results");
    assertThat(rows).hasSize(2);
    for (JsonNode l : rows) {
      assertThat(l.get("LoanSetup").get("loanAmount").asString()).isEqualTo("10000.00");
      assertThat(l.get("LoanSettings").get("loanSubStatusId").asInt()).isEqualTo(60);
      assertThat(l.get("Customers").get("results").isArray()).isTrue();
      // The archive reaches back to the contract date: the first 50 days, and an absolute __next for the rest.
      JsonNode archive = l.get("StatusArchive");
      assertThat(archive.get("results")).hasSize(50);
      String next = archive.get("__next").asString();
      assertThat(next).startsWith("http").contains("Loans(id=" + l.get("id").asLong() + ")/StatusArchive");
      Http.Response rest = http.api("GET", next.substring(http.base().length()), t.id(), t.token(), null);
      assertThat(rest.status()).as(rest.raw()).isEqualTo(200);
      assertThat(rest.body().get("d").get("summary").get("start").asInt()).isEqualTo(50);
      assertThat(rest.body().get("d").get("results").get(0).get("date").asString())
          .isNotEqualTo(archive.get("results").get(49).get("date").asString());
    }
  }

  @Test
  void constantFiltersSelectAllOrNothing() {
    // 1.4: "4 lt 5" returns rows, "4 gt 5" none.
    assertThat(get("odata.svc/Loans?$filter=4%20lt%205").get("results")).isNotEmpty();
    JsonNode none = get("odata.svc/Loans?$filter=4%20gt%205");
    assertThat(none.get("results")).isEmpty();
    assertThat(none.get("summary").get("total").asLong()).isZero();
  }

  @Test
  void pagingSortingAndSelect() {
    // 1.4: $top, $skip, $orderby=<field> asc|desc and $select=id,settingsId
    JsonNode page = get("odata.svc/Loans?$top=1&$skip=1&$orderby=id%20desc").get("results");
    assertThat(page).hasSize(1);
    JsonNode all = get("odata.svc/Loans?$orderby=id%20desc").get("results");
    assertThat(page.get(0).get("id").asLong()).isEqualTo(all.get(1).get("id").asLong());
    JsonNode selected = get("odata.svc/Loans?$select=id,settingsId").get("results").get(0);
    List<String> names = new java.util.ArrayList<>();
    selected.propertyNames().forEach(names::add);
    assertThat(names).containsExactly("__metadata", "id", "settingsId");
    assertThat(selected.get("settingsId").asLong()).isEqualTo(selected.get("id").asLong());
    // "odata.svc/Loans()" pulls the first 50 loans.
    assertThat(get("odata.svc/Loans()").get("summary").get("pageSize").asInt()).isEqualTo(50);
  }

  @Test
  void nopagingWithAndWithoutAValue() {
    // 1.4: nopaging=true (or bare nopaging), as the SDK adds to every single-entity GET.
    assertThat(get("odata.svc/Loans(" + loan + ")?nopaging=true").get("id").asLong()).isEqualTo(loan);
    assertThat(get("odata.svc/Loans(" + loan + ")?nopaging").get("id").asLong()).isEqualTo(loan);
    JsonNode all = get("odata.svc/Loans(" + loan + ")/StatusArchive?nopaging=true");
    assertThat(all.get("results").size()).isGreaterThan(50).isEqualTo(all.get("summary").get("total").asInt());
  }

  @Test
  void transactionsInLoanProsShape() {
    // 4.4: the Transactions response (money as strings, the zero date, displayOrder as a string).
    JsonNode d = get("odata.svc/Loans(" + loan + ")/Transactions");
    JsonNode summary = d.get("summary");
    assertThat(summary.get("start").asInt()).isZero();
    assertThat(summary.get("pageSize").asInt()).isEqualTo(50);
    JsonNode origination = d.get("results").get(0);
    assertThat(origination.get("__metadata").get("type").asString()).isEqualTo("Entity.LoanTransaction");
    assertThat(origination.get("__metadata").get("uri").asString()).contains("odata.svc/LoanTransactions(id=");
    assertThat(origination.get("entityType").asString()).isEqualTo("Entity.Loan");
    assertThat(origination.get("entityId").asLong()).isEqualTo(loan);
    assertThat(origination.get("periodStart").asString()).isEqualTo("/Date(-62169984000)/");
    assertThat(origination.get("displayOrder").isString()).isTrue();
    for (String key : List.of("txId", "modId", "date", "period", "periodEnd", "title", "type", "infoOnly",
        "infoDetails", "paymentId", "paymentDisplayId", "paymentAmount", "paymentInterest", "paymentPrincipal",
        "paymentFees", "feesPaidDetails", "chargeAmount", "future", "principalBalance")) {
      assertThat(origination.has(key)).as(key).isTrue();
    }
    for (String money : List.of("paymentAmount", "paymentInterest", "paymentPrincipal", "paymentFees",
        "chargeAmount", "principalBalance")) {
      assertThat(origination.get(money).isString()).as(money).isTrue();
    }
    assertThat(d.get("results")).anyMatch(tx -> tx.get("future").asInt() == 1);
  }

  @Test
  void linkACustomerAsPrimary() {
    // 4.6: PUT odata.svc/Loans(42) {"__update":true,"__id":42,"Customers":{"results":[{"__id":7,"__setLoanRole":...}]}}
    Http.Response c = send("POST", "odata.svc/Customers", "{\"firstName\":\"Ann\",\"lastName\":\"Lee\","
        + "\"customerType\":\"customer.type.individual\",\"PrimaryAddress\":" + ADDRESS + ",\"MailAddress\":" + ADDRESS
        + "}");
    long customer = c.body().get("d").get("id").asLong();
    Http.Response r = send("PUT", "odata.svc/Loans(" + loan + ")", "{\"__update\":true,\"__id\":" + loan
        + ",\"Customers\":{\"results\":[{\"__id\":" + customer + ",\"__setLoanRole\":\"loan.customerRole.primary\"}]}}");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    JsonNode linked = get("odata.svc/Loans(" + loan + ")/Customers").get("results");
    assertThat(linked).anyMatch(x -> x.get("id").asLong() == customer
        && x.get("loanRole").asString().equals("loan.customerRole.primary"));
  }

  @Test
  void addAndRemoveAPortfolioByUri() {
    // 4.6: {"Portfolios":{"results":[{"__metadata":{"uri":"/api/1/odata.svc/Portfolios(id=1)","type":"Entity.Portfolio"}}]}}
    long portfolio = send("POST", "odata.svc/Portfolios", "{\"title\":\"Reference\"}").body().get("d").get("id")
        .asLong();
    String link = "{\"__metadata\":{\"uri\":\"/api/1/odata.svc/Portfolios(id=" + portfolio
        + ")\",\"type\":\"Entity.Portfolio\"}";
    Http.Response add = send("PUT", "odata.svc/Loans(" + older + ")", "{\"Portfolios\":{\"results\":[" + link + "}]}}");
    assertThat(add.status()).as(add.raw()).isEqualTo(200);
    assertThat(get("odata.svc/Loans(" + older + ")/Portfolios").get("results"))
        .anyMatch(p -> p.get("id").asLong() == portfolio);
    Http.Response remove = send("PUT", "odata.svc/Loans(" + older + ")", "{\"Portfolios\":{\"results\":[" + link
        + ",\"__destroy\":true,\"__id\":" + portfolio + "}]}}");
    assertThat(remove.status()).as(remove.raw()).isEqualTo(200);
    assertThat(get("odata.svc/Loans(" + older + ")/Portfolios").get("results"))
        .noneMatch(p -> p.get("id").asLong() == portfolio);
  }

  @Test
  void errorsAsTheReferenceShowsThem() {
    // 4.7: GET Loans(-1) -> "Resource not found for the segment 'Loans'", 409 per the current docs.
    Http.Response missing = send("GET", "odata.svc/Loans(-1)", null);
    assertThat(missing.status()).isEqualTo(409);
    assertThat(missing.errorMessage()).isEqualTo("Resource not found for the segment 'Loans'");
    // 4.7: a customer without MailAddress -> 409 "Mail Address is required".
    Http.Response noMail = send("POST", "odata.svc/Customers", "{\"firstName\":\"Bo\",\"lastName\":\"Ray\","
        + "\"customerType\":\"customer.type.individual\",\"PrimaryAddress\":" + ADDRESS + "}");
    assertThat(noMail.status()).isEqualTo(409);
    assertThat(noMail.errorMessage()).isEqualTo("Mail Address is required");
  }

  private Http.Response send(String method, String path, String body) {
    return http.api(method, API + path, t.id(), t.token(), body);
  }

  private JsonNode get(String path) {
    Http.Response r = send("GET", path, null);
    assertThat(r.status()).as(path + ": " + r.raw()).isEqualTo(200);
    return r.body().get("d");
  }
}
