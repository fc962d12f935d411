package org.openlms.app.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlms.app.support.TenantDriver.ODATA;
import static org.openlms.app.support.TenantDriver.ok;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.support.TenantDriver;
import tools.jackson.databind.JsonNode;

/**
 * Adjustments put on by hand through the loan, as LoanPro takes them: StopInterestDates (suspend, resume) and
 * APDAdjustments (reset the amount past due), back-dated ones replaying the loan's archive from their date.
 */
class AdjustmentsIT {

  private static final String SUSPEND = "loan.stopInterestType.suspend";
  private static final String RESUME = "loan.stopInterestType.resume";

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();
  private final TenantDriver driver = new TenantDriver(server);

  @Test
  void interestStopsAndResumesOnTheDatesGivenAndTheArchiveIsReplayed() {
    TenantAccess t = server.newTenant();
    LocalDate today = driver.today(t);
    // First payment in the future: no due date or late fee moves the payoff, only interest.
    long loan = driver.loan(t, "ADJ-1", today.minusDays(20), today.plusDays(10), 5000);
    long twin = driver.loan(t, "ADJ-TWIN", today.minusDays(20), today.plusDays(10), 5000);

    ok(put(t, loan, "StopInterestDates", "{\"date\":\"" + today.minusDays(10) + "\",\"type\":\"" + SUSPEND + "\"},"
        + "{\"date\":\"" + today.minusDays(5) + "\",\"type\":\"" + RESUME + "\"}"));
    List<BigDecimal> payoff = payoffs(t, loan, today.minusDays(11), today);
    List<BigDecimal> twinPayoff = payoffs(t, twin, today.minusDays(11), today);
    // As when a rule stops interest at night, the date given is the last day that accrues: days -9 to -5 do not,
    // and from the day after the resume (-4) interest accrues again.
    assertThat(payoff.get(1)).isGreaterThan(payoff.get(0)).isEqualByComparingTo(twinPayoff.get(1));
    for (int i = 2; i <= 6; i++) {
      assertThat(payoff.get(i)).as("day %d", i - 11).isEqualByComparingTo(payoff.get(1));
    }
    for (int i = 7; i < payoff.size(); i++) {
      assertThat(payoff.get(i)).as("day %d", i - 11).isGreaterThan(payoff.get(i - 1));
    }
    assertThat(twinPayoff.get(twinPayoff.size() - 1)).isGreaterThan(payoff.get(payoff.size() - 1));

    JsonNode stops = ok(http.api("GET", ODATA + "Loans(" + loan + ")/StopInterestDates?$orderby=date", t.id(),
        t.token(), null)).get("d").get("results");
    assertThat(stops).hasSize(2);
    assertThat(stops.get(0).get("type").asString()).isEqualTo(SUSPEND);
    assertThat(stops.get(1).get("source").asString()).isEqualTo("manual");
    assertThat(ok(http.api("GET", ODATA + "StopInterestDates?$filter=type%20eq%20'" + RESUME + "'", t.id(), t.token(),
        null)).get("d").get("summary").get("total").asLong()).isEqualTo(1);

    // Removing the resume replays again: interest stays stopped through today.
    ok(put(t, loan, "StopInterestDates", "{\"__id\":" + stops.get(1).get("id").asLong() + ",\"__destroy\":true}"));
    List<BigDecimal> after = payoffs(t, loan, today.minusDays(9), today);
    assertThat(after).allSatisfy(p -> assertThat(p).isEqualByComparingTo(after.get(0)));
    assertThat(status(t, loan, today).get("perdiem").asString()).isEqualTo("0.00");
  }

  @Test
  void anApdAdjustmentResetsPastDueWithoutForgivingAnything() {
    TenantAccess t = server.newTenant();
    LocalDate today = driver.today(t);
    long late = driver.loan(t, "ADJ-LATE", today.minusDays(50), today.minusDays(20), 5000);
    JsonNode before = status(t, late, today);
    assertThat(before.get("daysPastDue").asInt()).isPositive();

    ok(put(t, late, "APDAdjustments", "{\"date\":\"" + today + "\",\"type\":\"loan.apd.adjust.type.zero\"}"));
    JsonNode after = status(t, late, today);
    assertThat(after.get("daysPastDue").asInt()).isZero();
    assertThat(after.get("payoff").asString()).isEqualTo(before.get("payoff").asString());
    JsonNode archived = ok(http.api("GET", ODATA + "Loans(" + late + ")/StatusArchive?$orderby=date%20desc&$top=1",
        t.id(), t.token(), null)).get("d").get("results").get(0);
    assertThat(archived.get("daysPastDue").asInt()).isZero(); // today's archive row was rewritten
    assertThat(ok(http.api("GET", ODATA + "Loans(" + late + ")/APDAdjustments", t.id(), t.token(), null)).get("d")
        .get("results").get(0).get("type").asString()).isEqualTo("loan.apd.adjust.type.zero");
  }

  @Test
  void badAdjustmentsAreRefusedByFieldAndChangeNothing() {
    TenantAccess t = server.newTenant();
    LocalDate today = driver.today(t);
    long loan = driver.loan(t, "ADJ-BAD", today.minusDays(20), today.plusDays(10), 5000);
    String[][] cases = {
        {"StopInterestDates", "{\"date\":\"" + today + "\",\"type\":\"loan.stopInterestType.pause\"}", "type"},
        {"StopInterestDates", "{\"type\":\"" + SUSPEND + "\"}", "date"},
        {"StopInterestDates", "{\"date\":\"" + today.plusDays(1) + "\",\"type\":\"" + SUSPEND + "\"}", "business date"},
        {"StopInterestDates", "{\"date\":\"" + today.minusDays(30) + "\",\"type\":\"" + SUSPEND + "\"}", "contract"},
        {"StopInterestDates", "{\"date\":\"" + today + "\",\"type\":\"" + SUSPEND + "\",\"color\":1}", "color"},
        {"StopInterestDates", "{\"__id\":987654,\"__destroy\":true}", "StopInterestDates"},
        {"StopInterestDates", "{\"__id\":1,\"date\":\"" + today + "\"}", "__destroy"},
        {"APDAdjustments", "{\"date\":\"" + today + "\",\"type\":\"loan.apd.adjust.type.fixed\",\"dollarAmount\":5}",
            "not supported"}};
    for (String[] c : cases) {
      Http.Response r = put(t, loan, c[0], c[1]);
      assertThat(r.status()).as(c[1]).isEqualTo(409);
      assertThat(r.errorMessage()).as(c[1]).contains(c[2]);
    }
    // A good one beside a bad one: neither is kept.
    assertThat(http.api("PUT", ODATA + "Loans(" + loan + ")", t.id(), t.token(), "{\"StopInterestDates\":{\"results\":"
        + "[{\"date\":\"" + today + "\",\"type\":\"" + SUSPEND + "\"}]},\"APDAdjustments\":{\"results\":[{\"date\":\""
        + today.plusDays(3) + "\",\"type\":\"loan.apd.adjust.type.zero\"}]}}").status()).isEqualTo(409);
    assertThat(driver.db(t).sql("SELECT count(*) FROM loan_adjustment").query(Long.class).single()).isZero();
    assertThat(status(t, loan, today).get("perdiem").asString()).isNotEqualTo("0.00");
  }

  // --- helpers ---

  private Http.Response put(TenantAccess t, long loan, String set, String elements) {
    return http.api("PUT", ODATA + "Loans(" + loan + ")", t.id(), t.token(),
        "{\"" + set + "\":{\"results\":[" + elements + "]}}");
  }

  private JsonNode status(TenantAccess t, long loan, LocalDate on) {
    return ok(http.api("GET", TenantDriver.API + "Loans(" + loan + ")/Autopal.GetStatus(" + on + ")", t.id(),
        t.token(), null)).get("d");
  }

  /** The archived payoff of each day from {@code from} through {@code to}. */
  private List<BigDecimal> payoffs(TenantAccess t, long loan, LocalDate from, LocalDate to) {
    JsonNode rows = ok(http.api("GET", ODATA + "Loans(" + loan + ")/StatusArchive?$filter=date%20ge%20datetime'"
        + from + "'%20and%20date%20le%20datetime'" + to + "'&$orderby=date&$top=100", t.id(), t.token(), null))
        .get("d").get("results");
    List<BigDecimal> out = new ArrayList<>();
    rows.forEach(r -> out.add(new BigDecimal(r.get("payoff").asString())));
    assertThat(out).hasSize((int) (to.toEpochDay() - from.toEpochDay() + 1));
    return out;
  }
}
