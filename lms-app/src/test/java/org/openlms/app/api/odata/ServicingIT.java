package org.openlms.app.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlms.app.support.ServicingLoans.ok;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.support.ServicingLoans;
import tools.jackson.databind.JsonNode;

/** Payments, reversals and the reverse-calculated archive, through the API against a real database. */
class ServicingIT {

  private static final String LOANS = ServicingLoans.LOANS;
  private static final LocalDate CONTRACT = LocalDate.of(2020, 8, 17);
  private static final String PAY_SEP_1 = """
      {"Payments":{"results":[{"amount":281.01,"date":"2020-09-01","info":"API Payment","paymentTypeId":1,
      "paymentMethodId":1,"early":0,"selectedProcessor":0}]}}""";

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  private long create(TenantAccess t, String displayId, boolean active) {
    return ServicingLoans.create(http, t, displayId, active);
  }

  private List<String> archive(TenantAccess t, long loanId) {
    return ServicingLoans.archive(http, t, loanId);
  }

  @Test
  void aBackDatedPaymentRewritesTheArchiveToEqualALoanThatHadItFromTheStart() {
    TenantAccess t = server.newTenant();
    long backDated = create(t, "A", true);
    ok(http.api("PUT", LOANS + "(" + backDated + ")", t.id(), t.token(), PAY_SEP_1));

    long fromStart = create(t, "B", false);
    ok(http.api("PUT", LOANS + "(" + fromStart + ")", t.id(), t.token(), PAY_SEP_1));
    ok(http.api("POST", "/api/public/api/1/Loans(" + fromStart + ")/Autopal.Activate()", t.id(), t.token(), null));

    List<String> a = archive(t, backDated);
    List<String> b = archive(t, fromStart);
    long days = ChronoUnit.DAYS.between(CONTRACT, today()) + 1;
    assertThat(a).hasSize((int) days).isEqualTo(b);

    JsonNode sep1 = row(t, backDated, "2020-09-01");
    assertThat(sep1.get("lastPaymentAmount").asString()).isEqualTo("281.01");
    assertThat(sep1.get("daysPastDue").asInt()).isZero();
    assertThat(new BigDecimal(sep1.get("principalBalance").asString())).isLessThan(new BigDecimal("15000"));
    JsonNode payment = http.api("GET", LOANS + "(" + backDated + ")/Payments", t.id(), t.token(), null)
        .body().get("d").get("results").get(0);
    assertThat(new BigDecimal(payment.get("principalAmount").asString())
        .add(new BigDecimal(payment.get("interestAmount").asString()))).isEqualByComparingTo("281.01");
  }

  @Test
  void reversingThePaymentGivesBackTheArchiveOfALoanNeverPaid() {
    TenantAccess t = server.newTenant();
    long paid = create(t, "P", true);
    ok(http.api("PUT", LOANS + "(" + paid + ")", t.id(), t.token(), PAY_SEP_1));
    long paymentId = http.api("GET", "/api/public/api/1/odata.svc/Payments?$filter=entityId%20eq%20" + paid, t.id(),
        t.token(), null).body().get("d").get("results").get(0).get("id").asLong();
    ok(http.api("PUT", LOANS + "(" + paid + ")", t.id(), t.token(), "{\"Payments\":{\"results\":[{\"__id\":" + paymentId
        + ",\"__update\":true,\"active\":0,\"reverseReason\":\"payment.reverse.nsf\"}]}}"));
    long never = create(t, "N", true);
    assertThat(archive(t, paid)).isEqualTo(archive(t, never));
    JsonNode reversed = http.api("GET", LOANS + "(" + paid + ")/Payments", t.id(), t.token(), null)
        .body().get("d").get("results").get(0);
    assertThat(reversed.get("active").asInt()).isZero();
    assertThat(reversed.get("reverseReason").asString()).isEqualTo("payment.reverse.nsf");
    JsonNode sep2 = row(t, paid, "2020-09-02");
    assertThat(sep2.get("daysPastDue").asInt()).isEqualTo(1);
  }

  @Test
  void statusAndTenDayPayoffOnAnyDate() {
    TenantAccess t = server.newTenant();
    long id = create(t, "S", true);
    ok(http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(), PAY_SEP_1));
    JsonNode status = http.api("GET", "/api/public/api/1/Loans(" + id + ")/Autopal.GetStatus(2020-09-02)", t.id(),
        t.token(), null).body().get("d");
    assertThat(status).isEqualTo(row(t, id, "2020-09-02"));

    Http.Response payoff = http.api("GET", "/api/public/api/1/Loans(" + id + ")/AutoPal.GetLoanPayoff(2020-09-03)",
        t.id(), t.token(), null);
    JsonNode rows = payoff.body().get("d");
    assertThat(rows.size()).isEqualTo(10);
    assertThat(rows.get(0).get("date").asString()).isEqualTo("/Date(1599091200)/"); // 2020-09-03
    for (int i = 1; i < rows.size(); i++) {
      // No due date or payment in the window: each day adds that day's interest. Payoff rounds the whole
      // accrual while dailyInterest is the rounded per diem, so a day's change may differ by one cent.
      assertThat(new BigDecimal(rows.get(i).get("change").asString()))
          .isCloseTo(new BigDecimal(rows.get(i).get("dailyInterest").asString()), org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
      assertThat(new BigDecimal(rows.get(i).get("payoff").asString()))
          .isEqualByComparingTo(new BigDecimal(rows.get(i - 1).get("payoff").asString())
              .add(new BigDecimal(rows.get(i).get("change").asString())));
    }
  }

  @Test
  void transactionsListTheOriginationPostedPaymentsAndScheduledPaymentsInLoanProsShape() {
    TenantAccess t = server.newTenant();
    long scheduled = create(t, "T1", false); // not activated: every installment is still to come
    JsonNode future = http.api("GET", LOANS + "(" + scheduled + ")/Transactions?nopaging", t.id(), t.token(), null)
        .body().get("d");
    assertThat(future.get("summary").get("total").asInt()).isEqualTo(61);
    JsonNode origin = future.get("results").get(0);
    assertThat(origin.get("type").asString()).isEqualTo("origination");
    assertThat(origin.get("principalBalance").asString()).isEqualTo("15000.00");
    assertThat(origin.get("periodStart").asString()).isEqualTo("/Date(-62169984000)/");
    BigDecimal principal = BigDecimal.ZERO;
    for (int i = 1; i <= 60; i++) {
      JsonNode row = future.get("results").get(i);
      assertThat(row.get("type").asString()).isEqualTo("scheduledPayment");
      assertThat(row.get("future").asInt()).isEqualTo(1);
      assertThat(row.get("period").asInt()).isEqualTo(i);
      assertThat(row.get("displayOrder").asString()).isEqualTo(String.valueOf(i + 1));
      principal = principal.add(new BigDecimal(row.get("paymentPrincipal").asString()));
    }
    assertThat(principal).isEqualByComparingTo("15000.00");
    assertThat(future.get("results").get(1).get("paymentAmount").asString()).isEqualTo("281.01");

    long paid = create(t, "T2", true);
    ok(http.api("PUT", LOANS + "(" + paid + ")", t.id(), t.token(), PAY_SEP_1));
    JsonNode rows = http.api("GET", LOANS + "(" + paid + ")/Transactions?$top=2", t.id(), t.token(), null)
        .body().get("d").get("results");
    JsonNode payment = rows.get(1);
    assertThat(payment.get("type").asString()).isEqualTo("payment");
    assertThat(payment.get("paymentAmount").asString()).isEqualTo("281.01");
    assertThat(new BigDecimal(payment.get("paymentInterest").asString())
        .add(new BigDecimal(payment.get("paymentPrincipal").asString()))).isEqualByComparingTo("281.01");
    assertThat(new BigDecimal(payment.get("principalBalance").asString()))
        .isEqualByComparingTo(new BigDecimal("15000.00").subtract(new BigDecimal(payment.get("paymentPrincipal").asString())));
    JsonNode filtered = http.api("GET", LOANS + "(" + paid + ")/Transactions?$filter=type%20eq%20%27payment%27",
        t.id(), t.token(), null).body().get("d");
    assertThat(filtered.get("summary").get("total").asInt()).isEqualTo(1);
    assertThat(filtered.get("results").get(0)).isEqualTo(payment);
  }

  @Test
  void theArchiveSetOfSeveralLoansPagesByLoanThenDayWithoutRepeatingOrSkippingRows() {
    TenantAccess t = server.newTenant();
    long first = create(t, "A1", true);
    long second = create(t, "A2", true); // same contract date: both loans have a row on every day
    String set = "/api/public/api/1/odata.svc/LoanStatusArchive";
    int total = http.api("GET", set + "?$top=1", t.id(), t.token(), null).body().get("d").get("summary")
        .get("total").asInt();
    List<String> paged = new java.util.ArrayList<>();
    for (int skip = 0; skip < total; skip += 700) {
      Http.Response page = http.api("GET", set + "?$top=700&$skip=" + skip + "&$select=loanId,date", t.id(),
          t.token(), null);
      ok(page);
      page.body().get("d").get("results").forEach(r -> paged.add(r.get("loanId").asLong() + "@" + r.get("date")
          .asString()));
    }
    assertThat(paged).hasSize(total).doesNotHaveDuplicates();
    List<String> expected = new java.util.ArrayList<>();
    for (long loan : new long[] {first, second}) {
      http.api("GET", LOANS + "(" + loan + ")/StatusArchive?nopaging", t.id(), t.token(), null).body().get("d")
          .get("results").forEach(r -> expected.add(loan + "@" + r.get("date").asString()));
    }
    assertThat(paged).isEqualTo(expected);
  }

  @Test
  void expandedCollectionsPageWithAnAbsoluteNextLinkThatClientsFollow() {
    TenantAccess t = server.newTenant();
    long id = create(t, "E", true);
    ok(http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(), PAY_SEP_1));
    Http.Response r = http.api("GET", LOANS + "(" + id + ")?$expand=LoanSetup,LoanSettings,StatusArchive,Payments,"
        + "Customers,Transactions", t.id(), t.token(), null);
    ok(r);
    JsonNode d = r.body().get("d");
    assertThat(d.get("Payments").get("results").size()).isEqualTo(1);
    assertThat(d.get("Payments").has("__next")).isFalse();
    assertThat(d.get("Customers").get("results").size()).isZero();
    JsonNode archive = d.get("StatusArchive");
    assertThat(archive.get("results").size()).isEqualTo(50);
    assertThat(archive.get("results").get(0).get("date").asString()).isEqualTo("/Date(1597622400)/"); // 2020-08-17
    String next = archive.get("__next").asString();
    assertThat(next).startsWith("http://").contains("/odata.svc/Loans(id=" + id + ")/StatusArchive");
    Http.Response page2 = http.send("GET", next.substring(http.base().length()), null,
        java.util.Map.of("Authorization", "Bearer " + t.token(), "Autopal-Instance-Id", String.valueOf(t.id())));
    ok(page2);
    assertThat(page2.body().get("d").get("results").get(0).get("date").asString())
        .isEqualTo("/Date(1601942400)/"); // 2020-10-06, the 51st day
    assertThat(d.get("Transactions").get("results").get(1).get("type").asString()).isEqualTo("payment");
  }

  /**
   * An expanded StatusArchive is streamed from the result set, the navigation endpoint renders maps from the
   * engine's snapshots: both must answer the same rows, field for field and in the same order.
   */
  @Test
  void anExpandedArchiveAnswersTheSameRowsAsItsNavigationEndpoint() {
    TenantAccess t = server.newTenant();
    long id = create(t, "X", true);
    ok(http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(), PAY_SEP_1)); // paid in September, not in October
    Http.Response expanded = http.api("GET", LOANS + "(" + id + ")?$expand=StatusArchive", t.id(), t.token(), null);
    Http.Response endpoint = http.api("GET", LOANS + "(" + id + ")/StatusArchive?$top=50", t.id(), t.token(), null);
    ok(expanded);
    ok(endpoint);
    JsonNode streamed = expanded.body().get("d").get("StatusArchive").get("results");
    JsonNode rendered = endpoint.body().get("d").get("results");
    assertThat(streamed).hasSize(50).isEqualTo(rendered);
    for (int i = 0; i < 50; i++) {
      assertThat(streamed.get(i).propertyNames()).as("row " + i)
          .containsExactlyElementsOf(rendered.get(i).propertyNames());
    }
    // The rows cover nulls and values of each kind: before and after the first payment, current and past due.
    assertThat(streamed.get(0).get("lastPaymentDate").isNull()).isTrue();
    assertThat(streamed.get(49).get("lastPaymentDate").asString()).isEqualTo("/Date(1598918400)/"); // 2020-09-01
    assertThat(streamed.get(49).get("lastPaymentAmount").asString()).isEqualTo("281.01");
    assertThat(streamed.get(49).get("daysPastDue").asInt()).isPositive();
    assertThat(streamed.get(49).get("firstDelinquencyDate").isString()).isTrue();
  }

  @Test
  void aRequestIsAllOrNothingAndBadPaymentsAreRefusedByField() {
    TenantAccess t = server.newTenant();
    long id = create(t, "R", true);
    List<String> before = archive(t, id);
    String[][] cases = {
        {"{\"Payments\":{\"results\":[{\"amount\":100,\"date\":\"2020-09-01\",\"info\":\"ok\",\"paymentTypeId\":1,"
            + "\"paymentMethodId\":1},{\"amount\":100,\"date\":\"2019-01-01\",\"info\":\"early\",\"paymentTypeId\":1,"
            + "\"paymentMethodId\":1}]}}", "before the contract date"},
        {"{\"Payments\":{\"results\":[{\"amount\":-5,\"date\":\"2020-09-01\",\"info\":\"x\",\"paymentTypeId\":1,"
            + "\"paymentMethodId\":1}]}}", "Payments[0].amount"},
        {"{\"Payments\":{\"results\":[{\"amount\":5,\"date\":\"2020-09-01\",\"info\":\"x\",\"paymentMethodId\":1}]}}",
            "Payments[0].paymentTypeId"},
        {"{\"Payments\":{\"results\":[{\"amount\":5,\"date\":\"2020-09-01\",\"paymentTypeId\":1,\"paymentMethodId\":1,"
            + "\"amout\":5}]}}", "Payments[0].amout: unknown field"},
        {"{\"Payments\":{\"results\":[{\"__id\":999999,\"active\":0,\"reverseReason\":\"payment.reverse.nsf\"}]}}",
            "Resource not found for the segment 'Payments'"},
        {"{\"title\":\"changed\",\"Payments\":{\"results\":[{\"amount\":5,\"date\":\"2020-09-01\",\"paymentTypeId\":1,"
            + "\"paymentMethodId\":1,\"extra\":\"payment.extra.tx.sideways\"}]}}", "Payments[0].extra"},
    };
    for (String[] c : cases) {
      Http.Response r = http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(), c[0]);
      assertThat(r.status()).as(c[1]).isEqualTo(409);
      assertThat(r.errorMessage()).contains(c[1]);
    }
    assertThat(http.api("GET", LOANS + "(" + id + ")/Payments", t.id(), t.token(), null).body().get("d")
        .get("summary").get("total").asLong()).isZero();
    assertThat(archive(t, id)).isEqualTo(before);
    assertThat(http.api("GET", LOANS + "(" + id + ")", t.id(), t.token(), null).body().get("d").get("title").isNull())
        .isTrue();
  }

  private JsonNode row(TenantAccess t, long loanId, String date) {
    Http.Response r = http.api("GET", "/api/public/api/1/odata.svc/LoanStatusArchive?$filter=loanId%20eq%20" + loanId
        + "%20and%20date%20eq%20datetime%27" + date + "%27", t.id(), t.token(), null);
    ok(r);
    JsonNode row = r.body().get("d").get("results").get(0);
    return row;
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("America/Denver"));
  }
}
