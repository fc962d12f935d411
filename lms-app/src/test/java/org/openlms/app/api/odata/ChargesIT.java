package org.openlms.app.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlms.app.support.ServicingLoans.ok;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.support.ServicingLoans;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Charges (late, NSF, other), their reversal and NSF payment reversals, through the API on a real database. */
class ChargesIT {

  private static final String LOANS = ServicingLoans.LOANS;
  private static final String NSF_AUG_20 = """
      {"Charges":{"results":[{"amount":25,"date":"2020-08-20","info":"NSF fee","chargeTypeId":2,
      "chargeApplicationType":"loan.latefeeapp.standard","interestBearing":0}]}}""";
  private static final String PAY_SEP_1 = """
      {"Payments":{"results":[{"amount":281.01,"date":"2020-09-01","info":"API Payment","paymentTypeId":1,
      "paymentMethodId":1}]}}""";

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  private long create(TenantAccess t, String displayId, boolean active) {
    return ServicingLoans.create(http, t, displayId, active);
  }

  private List<String> archive(TenantAccess t, long loanId) {
    return ServicingLoans.archive(http, t, loanId);
  }

  @Test
  void aBackDatedChargeIsDueFromItsDateAndTheArchiveEqualsALoanThatHadItFromTheStart() {
    TenantAccess t = server.newTenant();
    long never = create(t, "N", true);
    long backDated = create(t, "A", true);
    ok(put(t, backDated, NSF_AUG_20));
    long fromStart = create(t, "B", false);
    ok(put(t, fromStart, NSF_AUG_20));
    ok(http.api("POST", "/api/public/api/1/Loans(" + fromStart + ")/Autopal.Activate()", t.id(), t.token(), null));

    assertThat(archive(t, backDated)).isEqualTo(archive(t, fromStart));
    JsonNode before = row(t, backDated, "2020-08-19");
    assertThat(before).isEqualTo(row(t, never, "2020-08-19"));
    JsonNode on = row(t, backDated, "2020-08-20");
    JsonNode without = row(t, never, "2020-08-20");
    assertThat(money(on, "dueFees")).isEqualByComparingTo("25.00");
    assertThat(money(on, "amountDue").subtract(money(without, "amountDue"))).isEqualByComparingTo("25.00");
    assertThat(money(on, "payoff").subtract(money(without, "payoff"))).isEqualByComparingTo("25.00");
    assertThat(money(on, "principalBalance")).isEqualByComparingTo(money(without, "principalBalance"));

    JsonNode charge = http.api("GET", LOANS + "(" + backDated + ")/Charges", t.id(), t.token(), null).body().get("d")
        .get("results").get(0);
    assertThat(charge.get("amount").asString()).isEqualTo("25.00");
    assertThat(charge.get("date").asString()).isEqualTo("/Date(1597881600)/"); // 2020-08-20
    assertThat(charge.get("chargeTypeId").asInt()).isEqualTo(2);
    assertThat(charge.get("info").asString()).isEqualTo("NSF fee");
    assertThat(charge.get("active").asInt()).isEqualTo(1);
  }

  @Test
  void theNextPaymentPaysTheChargeFirstAndTransactionsShowBoth() {
    TenantAccess t = server.newTenant();
    long id = create(t, "P", true);
    ok(put(t, id, NSF_AUG_20));
    ok(put(t, id, PAY_SEP_1));
    JsonNode payment = http.api("GET", LOANS + "(" + id + ")/Payments", t.id(), t.token(), null).body().get("d")
        .get("results").get(0);
    assertThat(payment.get("feesAmount").asString()).isEqualTo("25.00");
    assertThat(money(payment, "principalAmount").add(money(payment, "interestAmount")))
        .isEqualByComparingTo("256.01");
    assertThat(money(row(t, id, "2020-09-01"), "dueFees")).isZero();

    JsonNode rows = http.api("GET", LOANS + "(" + id + ")/Transactions?$top=3", t.id(), t.token(), null).body()
        .get("d").get("results");
    JsonNode fee = rows.get(1);
    assertThat(fee.get("type").asString()).isEqualTo("fee");
    assertThat(fee.get("title").asString()).isEqualTo("NSF fee");
    assertThat(fee.get("chargeAmount").asString()).isEqualTo("25.00");
    assertThat(fee.get("chargeFees").asString()).isEqualTo("25.00");
    assertThat(fee.get("principalBalance").asString()).isEqualTo("15000.00");
    assertThat(fee.get("displayOrder").asString()).isEqualTo("2");
    assertThat(rows.get(2).get("type").asString()).isEqualTo("payment");
    assertThat(rows.get(2).get("paymentFees").asString()).isEqualTo("25.00");
  }

  @Test
  void reversingAChargeGivesBackTheLoanThatNeverHadIt() {
    TenantAccess t = server.newTenant();
    long never = create(t, "N", true);
    ok(put(t, never, PAY_SEP_1));
    long voided = create(t, "V", true);
    long deleted = create(t, "D", true);
    for (long id : List.of(voided, deleted)) {
      ok(put(t, id, NSF_AUG_20));
      ok(put(t, id, PAY_SEP_1));
    }
    long first = chargeId(t, voided);
    ok(put(t, voided, "{\"Charges\":{\"results\":[{\"__id\":" + first
        + ",\"__update\":true,\"active\":0,\"editComment\":\"waived\"}]}}"));
    ok(put(t, deleted, "{\"Charges\":{\"results\":[{\"__id\":" + chargeId(t, deleted) + ",\"__delete\":true}]}}"));
    assertThat(archive(t, voided)).isEqualTo(archive(t, never));
    assertThat(archive(t, deleted)).isEqualTo(archive(t, never));
    JsonNode charge = http.api("GET", LOANS + "(" + voided + ")/Charges", t.id(), t.token(), null).body().get("d")
        .get("results").get(0);
    assertThat(charge.get("active").asInt()).isZero();
    assertThat(charge.get("editComment").asString()).isEqualTo("waived");
    // The payment's application is recomputed too: nothing went to fees.
    assertThat(http.api("GET", LOANS + "(" + voided + ")/Payments", t.id(), t.token(), null).body().get("d")
        .get("results").get(0).get("feesAmount").asString()).isEqualTo("0.00");
    // A reversed charge is not a transaction; reversing it again is refused.
    assertThat(http.api("GET", LOANS + "(" + voided + ")/Transactions?$filter=type%20eq%20%27fee%27", t.id(),
        t.token(), null).body().get("d").get("summary").get("total").asInt()).isZero();
    Http.Response again = put(t, voided, "{\"Charges\":{\"results\":[{\"__id\":" + first + ",\"active\":0}]}}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorMessage()).contains("already reversed");
  }

  @Test
  void anNsfReversalAndItsChargeGoInOneRequestAndAFeeOnTheReversalItselfIsRefused() {
    TenantAccess t = server.newTenant();
    long onlyCharged = create(t, "C", true);
    ok(put(t, onlyCharged, """
        {"Charges":{"results":[{"amount":30,"date":"2020-09-05","info":"NSF","chargeTypeId":2}]}}"""));
    long bounced = create(t, "B", true);
    ok(put(t, bounced, PAY_SEP_1));
    long paymentId = http.api("GET", LOANS + "(" + bounced + ")/Payments", t.id(), t.token(), null).body().get("d")
        .get("results").get(0).get("id").asLong();
    List<String> before = archive(t, bounced);
    Http.Response feeOnReversal = put(t, bounced, "{\"Payments\":{\"results\":[{\"__id\":" + paymentId
        + ",\"__update\":true,\"active\":0,\"reverseReason\":\"payment.reverse.nsf\",\"chargeFeeAmount\":30}]}}");
    assertThat(feeOnReversal.status()).isEqualTo(409);
    assertThat(feeOnReversal.errorMessage()).contains("chargeFeeAmount").contains("Charges");
    assertThat(archive(t, bounced)).isEqualTo(before);

    ok(put(t, bounced, "{\"Payments\":{\"results\":[{\"__id\":" + paymentId + ",\"__update\":true,\"active\":0,"
        + "\"reverseReason\":\"payment.reverse.nsf\",\"reverseDate\":\"2020-09-05\"}]},"
        + "\"Charges\":{\"results\":[{\"amount\":30,\"date\":\"2020-09-05\",\"info\":\"NSF\",\"chargeTypeId\":2}]}}"));
    assertThat(archive(t, bounced)).isEqualTo(archive(t, onlyCharged));
    JsonNode payment = http.api("GET", LOANS + "(" + bounced + ")/Payments", t.id(), t.token(), null).body()
        .get("d").get("results").get(0);
    assertThat(payment.get("active").asInt()).isZero();
    assertThat(payment.get("reverseReason").asString()).isEqualTo("payment.reverse.nsf");
  }

  @Test
  void badChargesAreRefusedByFieldAndTheRequestWritesNothing() {
    TenantAccess t = server.newTenant();
    long id = create(t, "R", true);
    List<String> before = archive(t, id);
    String tomorrow = server.bean(TenantService.class).businessDate(server.bean(TenantService.class).tenant(t.id()))
        .plusDays(1).toString();
    String ok = "\"amount\":10,\"date\":\"2020-09-05\",\"chargeTypeId\":2";
    String[][] cases = {
        {charge("\"amount\":-5,\"date\":\"2020-09-05\",\"chargeTypeId\":2"), "Charges[0].amount"},
        {charge("\"amount\":0,\"date\":\"2020-09-05\",\"chargeTypeId\":2"), "Charges[0].amount"},
        {charge("\"amount\":1e20,\"date\":\"2020-09-05\",\"chargeTypeId\":2"), "Charges[0].amount: is out of range"},
        {charge("\"amount\":\"ten\",\"date\":\"2020-09-05\",\"chargeTypeId\":2"), "Charges[0].amount"},
        {charge("\"amount\":10.001,\"date\":\"2020-09-05\",\"chargeTypeId\":2"), "Charges[0].amount"},
        {charge("\"amount\":10,\"date\":\"2020-09-05\",\"chargeTypeId\":99"), "Charges[0].chargeTypeId: 99"},
        {charge("\"amount\":10,\"date\":\"2020-09-05\""), "Charges[0].chargeTypeId: is required"},
        {charge("\"amount\":10,\"date\":\"2020-08-16\",\"chargeTypeId\":2"), "before the contract date"},
        {charge("\"amount\":10,\"date\":\"" + tomorrow + "\",\"chargeTypeId\":2"), "after the business date"},
        {charge("\"amount\":10,\"date\":\"2020-13-05\",\"chargeTypeId\":2"), "Charges[0].date"},
        {charge(ok + ",\"amout\":10"), "Charges[0].amout: unknown field"},
        {charge(ok + ",\"interestBearing\":1"), "Charges[0].interestBearing"},
        {charge(ok + ",\"chargeApplicationType\":\"loan.latefeeapp.payoff\""), "Charges[0].chargeApplicationType"},
        {"{\"Charges\":[{" + ok + "}]}", "Charges must be an object with a results array"},
        {"{\"Charges\":{\"results\":[{\"__id\":999999,\"active\":0}]}}", "Resource not found for the segment 'Charges'"},
        {"{\"Charges\":{\"results\":[{\"__id\":1,\"amount\":5}]}}", "Charges[0].amount: a charge cannot be edited"},
        // All or nothing: a good charge and a title change do not survive a bad second charge.
        {"{\"title\":\"changed\",\"Charges\":{\"results\":[{" + ok + "},{\"amount\":10,\"date\":\"2019-01-01\","
            + "\"chargeTypeId\":2}]}}", "Charges[1].date"},
    };
    for (String[] c : cases) {
      Http.Response r = put(t, id, c[0]);
      assertThat(r.status()).as(c[0]).isEqualTo(409);
      assertThat(r.errorMessage()).as(c[0]).contains(c[1]);
    }
    JdbcClient db = server.bean(TenantTransactions.class).jdbc(server.bean(TenantService.class).tenant(t.id()));
    assertThat(db.sql("SELECT count(*) FROM loan_charge").query(Long.class).single()).isZero();
    assertThat(archive(t, id)).isEqualTo(before);
    assertThat(http.api("GET", LOANS + "(" + id + ")", t.id(), t.token(), null).body().get("d").get("title").isNull())
        .isTrue();
  }

  @Test
  void chargesTakeODataOptionsAndExpandLikeTheOtherNavigations() {
    TenantAccess t = server.newTenant();
    long id = create(t, "O", true);
    ok(put(t, id, """
        {"Charges":{"results":[{"amount":25,"date":"2020-08-20","chargeTypeId":2},
        {"amount":5,"date":"2020-10-02","chargeTypeId":5,"info":"copy of statement"},
        {"amount":15,"date":"2020-09-17","chargeTypeId":1}]}}"""));
    JsonNode d = http.api("GET", LOANS + "(" + id + ")/Charges?$filter=amount%20gt%206&$orderby=date%20desc"
        + "&$select=amount,date", t.id(), t.token(), null).body().get("d");
    assertThat(d.get("summary").get("total").asInt()).isEqualTo(2);
    assertThat(d.get("results").get(0).get("amount").asString()).isEqualTo("15.00");
    assertThat(d.get("results").get(0).has("chargeTypeId")).isFalse();
    assertThat(d.get("results").get(1).get("amount").asString()).isEqualTo("25.00");
    Http.Response unknown = http.api("GET", LOANS + "(" + id + ")/Charges?$filter=amonut%20gt%206", t.id(),
        t.token(), null);
    assertThat(unknown.status()).isEqualTo(409);
    assertThat(unknown.errorMessage()).contains("amonut");

    JsonNode loan = http.api("GET", LOANS + "(" + id + ")?$expand=Charges", t.id(), t.token(), null).body().get("d");
    assertThat(loan.get("Charges").get("results").size()).isEqualTo(3);
    JsonNode deferred = http.api("GET", LOANS + "(" + id + ")", t.id(), t.token(), null).body().get("d");
    assertThat(deferred.get("Charges").get("__deferred").get("uri").asString()).contains("Charges");
    // A manual late-fee charge is listed as LoanPro lists late fees.
    JsonNode late = http.api("GET", LOANS + "(" + id + ")/Transactions?$filter=chargeAmount%20eq%2015", t.id(),
        t.token(), null).body().get("d").get("results").get(0);
    assertThat(late.get("type").asString()).isEqualTo("charge.latefee");
    assertThat(late.get("title").asString()).isEqualTo("Late Fee");
  }

  private static String charge(String fields) {
    return "{\"Charges\":{\"results\":[{" + fields + "}]}}";
  }

  private long chargeId(TenantAccess t, long loanId) {
    return http.api("GET", LOANS + "(" + loanId + ")/Charges", t.id(), t.token(), null).body().get("d")
        .get("results").get(0).get("id").asLong();
  }

  private Http.Response put(TenantAccess t, long id, String body) {
    return http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(), body);
  }

  private JsonNode row(TenantAccess t, long loanId, String date) {
    Http.Response r = http.api("GET", LOANS + "(" + loanId + ")/StatusArchive?$filter=date%20eq%20datetime%27" + date
        + "%27", t.id(), t.token(), null);
    ok(r);
    JsonNode row = ((tools.jackson.databind.node.ObjectNode) r.body().get("d").get("results").get(0)).deepCopy();
    ((tools.jackson.databind.node.ObjectNode) row).remove(List.of("__metadata", "id", "loanId")); // all three name the loan
    return row;
  }

  private static BigDecimal money(JsonNode n, String field) {
    return new BigDecimal(n.get(field).asString());
  }
}
