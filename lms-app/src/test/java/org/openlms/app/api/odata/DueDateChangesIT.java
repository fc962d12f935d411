package org.openlms.app.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlms.app.support.TenantDriver.API;
import static org.openlms.app.support.TenantDriver.ODATA;
import static org.openlms.app.support.TenantDriver.ok;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.seed.LoanSeeder;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.support.TenantDriver;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantService;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Due dates moved after setup, as LoanPro takes them in {@code PUT Loans(id)} ({@code DueDateChanges}): the moved
 * date and those after it follow the new date in the schedule, the status and the archive; daily maintenance
 * brings such loans forward as a replay does; bad changes are refused and change nothing.
 */
class DueDateChangesIT {

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();
  private final TenantDriver driver = new TenantDriver(server);

  @Test
  void aLateDueDateMovedBackDatedIsNoLongerLateAndTheArchiveIsReplayed() {
    TenantAccess t = server.newTenant();
    LocalDate today = driver.today(t);
    long loan = driver.loan(t, "DDC-1", today.minusDays(40), today.minusDays(10), 5000);
    long twin = driver.loan(t, "DDC-TWIN", today.minusDays(40), today.minusDays(10), 5000);
    assertThat(status(t, loan, today).get("daysPastDue").asInt()).isEqualTo(10);

    // Agreed with the borrower 15 days ago: the first payment falls due 5 days from now, the rest on that day.
    ok(put(t, loan, "{\"originalDate\":\"" + today.minusDays(10) + "\",\"newDate\":\""
        + today.plusDays(5) + "\",\"changedDate\":\"" + today.minusDays(15) + "\"}"));
    JsonNode now = status(t, loan, today);
    assertThat(now.get("daysPastDue").asInt()).isZero();
    assertThat(now.get("amountDue").asString()).isEqualTo("0.00");
    assertThat(now.get("nextPaymentDate").asString()).isEqualTo(date(today.plusDays(5)));
    // The archive from the change's date on was rewritten; the day before it was not.
    JsonNode archive = ok(http.api("GET", ODATA + "Loans(" + loan + ")/StatusArchive?$filter=date%20ge%20datetime'"
        + today.minusDays(16) + "'&$orderby=date&$top=100", t.id(), t.token(), null)).get("d").get("results");
    assertThat(archive).hasSize(17);
    assertThat(archive.get(0).get("nextPaymentDate").asString()).isEqualTo(date(today.minusDays(10)));
    for (int i = 1; i < archive.size(); i++) {
      assertThat(archive.get(i).get("nextPaymentDate").asString()).as("day %d", i - 16).isEqualTo(date(today.plusDays(5)));
      assertThat(archive.get(i).get("daysPastDue").asInt()).isZero();
    }
    // Interest accrues by the day either way, so the payoff is the twin's (to the cent its due interest was rounded
    // to); the first period's 15 more days of interest are owed with its payment, which stays the regular one, so
    // the last installment collects them.
    assertThat(new BigDecimal(now.get("payoff").asString()).subtract(new BigDecimal(status(t, twin, today)
        .get("payoff").asString())).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
    List<JsonNode> scheduled = scheduled(t, loan);
    List<JsonNode> twinScheduled = scheduled(t, twin);
    assertThat(scheduled.get(0).get("date").asString()).isEqualTo(date(today.plusDays(5)));
    assertThat(scheduled.get(1).get("date").asString()).isEqualTo(date(today.plusDays(5).plusMonths(1)));
    assertThat(scheduled.get(0).get("paymentAmount").asString())
        .isEqualTo(twinScheduled.get(0).get("paymentAmount").asString());
    assertThat(new BigDecimal(last(scheduled).get("paymentAmount").asString()))
        .isGreaterThan(new BigDecimal(last(twinScheduled).get("paymentAmount").asString()));

    // Listed on the loan and in the entity set, with LoanPro's fields.
    JsonNode row = ok(http.api("GET", ODATA + "Loans(" + loan + ")/DueDateChanges", t.id(), t.token(), null))
        .get("d").get("results").get(0);
    assertThat(row.get("loanId").asLong()).isEqualTo(loan);
    assertThat(row.get("originalDate").asString()).isEqualTo(date(today.minusDays(10)));
    assertThat(row.get("newDate").asString()).isEqualTo(date(today.plusDays(5)));
    assertThat(row.get("changedDate").asString()).isEqualTo(date(today.minusDays(15)));
    assertThat(row.get("dueDateOnLastDOM").asInt()).isZero();
    assertThat(row.get("__metadata").get("type").asString()).isEqualTo("Entity.DueDateChange");
    assertThat(ok(http.api("GET", ODATA + "LoanDueDateChanges?$filter=loanId%20eq%20" + twin, t.id(), t.token(),
        null)).get("d").get("results")).isEmpty();
    assertThat(ok(http.api("GET", ODATA + "LoanDueDateChanges?$filter=newDate%20gt%20datetime'" + today + "'",
        t.id(), t.token(), null)).get("d").get("summary").get("total").asInt()).isEqualTo(1);

    // Taken back: the loan is as its twin again, late since the original date.
    ok(put(t, loan, "{\"__id\":" + row.get("id").asLong() + ",\"__destroy\":true}"));
    assertThat(figures(status(t, loan, today))).isEqualTo(figures(status(t, twin, today)));
    assertThat(driver.db(t).sql("SELECT count(*) FROM loan_setup WHERE loan_id = ? AND due_date_changes IS NULL")
        .param(loan).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void dailyMaintenanceBringsLoansWithMovedDatesForwardAsAReplayDoes() {
    TenantAccess t = server.newTenant();
    Tenant tenant = server.bean(TenantService.class).tenant(t.id());
    server.bean(LoanSeeder.class).seed(tenant, 60, 41L, (phase, done) -> { });
    LocalDate today = driver.today(t);
    JdbcClient db = driver.db(t);
    // Seeded loans stand at yesterday. Move each one's next due date (still to come) to today, so that tonight's
    // step makes it come due only if it reads the change.
    List<Map<String, Object>> due = db.sql("""
        SELECT s.loan_id, s.next_due_date FROM loan_state s JOIN loan l ON l.id = s.loan_id
        WHERE l.setup_active AND NOT l.deleted AND NOT l.archived AND NOT l.temporary_account
          AND s.as_of = ? AND s.next_due_date > ? ORDER BY s.loan_id""").params(today.minusDays(1), today)
        .query().listOfRows();
    assertThat(due).hasSizeGreaterThan(10);
    for (Map<String, Object> d : due) {
      long id = ((Number) d.get("loan_id")).longValue();
      LocalDate original = ((java.sql.Date) d.get("next_due_date")).toLocalDate();
      ok(put(t, id, "{\"originalDate\":\"" + original + "\",\"newDate\":\"" + today + "\",\"changedDate\":\""
          + today.minusDays(1) + "\"}"));
    }

    driver.maintain(t);

    assertThat(db.sql("SELECT step || ': ' || error FROM dm_loan_error").query(String.class).list()).isEmpty();
    int cameDue = 0;
    for (Map<String, Object> d : due) {
      long id = ((Number) d.get("loan_id")).longValue();
      JsonNode nightly = ok(http.api("GET", ODATA + "Loans(" + id + ")/StatusArchive?$filter=date%20eq%20datetime%27"
          + today + "%27", t.id(), t.token(), null)).get("d").get("results").get(0);
      assertThat(nightly).as("loan " + id).isEqualTo(status(t, id, today));
      cameDue += new BigDecimal(nightly.get("amountDue").asString()).signum() > 0 ? 1 : 0;
    }
    assertThat(cameDue).as("loans whose moved date came due tonight").isEqualTo(due.size());
  }

  @Test
  void badChangesAreRefusedByFieldAndChangeNothing() {
    TenantAccess t = server.newTenant();
    LocalDate today = driver.today(t);
    LocalDate first = today.plusDays(10);
    long loan = driver.loan(t, "DDC-BAD", today.minusDays(20), first, 5000);
    JsonNode before = status(t, loan, today);
    String[][] cases = {
        {"{\"originalDate\":\"" + first.plusDays(1) + "\",\"newDate\":\"" + first.plusDays(5) + "\"}", "not a due date"},
        {"{\"newDate\":\"" + first.plusDays(5) + "\"}", "originalDate: is required"},
        {"{\"originalDate\":\"" + first + "\"}", "newDate: is required"},
        {"{\"originalDate\":\"" + first + "\",\"newDate\":\"" + today + "\"}", "must be after " + today},
        {"{\"originalDate\":\"" + first + "\",\"newDate\":\"" + first + "\"}", "same as originalDate"},
        {"{\"originalDate\":\"" + first + "\",\"newDate\":\"" + first.plusDays(3) + "\",\"changedDate\":\""
            + today.plusDays(1) + "\"}", "business date"},
        {"{\"originalDate\":\"" + first + "\",\"newDate\":\"2026-02-30\"}", "newDate"},
        {"{\"originalDate\":\"" + first + "\",\"newDate\":\"" + first.plusDays(3) + "\",\"shiftAll\":1}", "shiftAll"},
        {"{\"__id\":987654,\"__destroy\":true}", "DueDateChanges"},
        {"{\"__id\":1,\"newDate\":\"" + first + "\"}", "__destroy"}};
    for (String[] c : cases) {
      Http.Response r = put(t, loan, c[0]);
      assertThat(r.status()).as(c[0]).isEqualTo(409);
      assertThat(r.errorMessage()).as(c[0]).contains(c[1]);
    }
    // A good change beside a bad one: neither is kept.
    assertThat(put(t, loan, "{\"originalDate\":\"" + first + "\",\"newDate\":\"" + first.plusDays(3) + "\"},"
        + "{\"originalDate\":\"" + first.plusDays(1) + "\",\"newDate\":\"" + first.plusDays(40) + "\"}").status())
        .isEqualTo(409);
    assertThat(driver.db(t).sql("SELECT count(*) FROM loan_due_date_change").query(Long.class).single()).isZero();
    assertThat(status(t, loan, today)).isEqualTo(before);

    // Only the latest change can be taken back.
    ok(put(t, loan, "{\"originalDate\":\"" + first + "\",\"newDate\":\"" + first.plusDays(3) + "\"}"));
    long one = ok(http.api("GET", ODATA + "Loans(" + loan + ")/DueDateChanges", t.id(), t.token(), null)).get("d")
        .get("results").get(0).get("id").asLong();
    ok(put(t, loan, "{\"originalDate\":\"" + first.plusDays(3).plusMonths(1) + "\",\"newDate\":\""
        + first.plusDays(5).plusMonths(1) + "\"}"));
    Http.Response r = put(t, loan, "{\"__id\":" + one + ",\"__destroy\":true}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorMessage()).contains("not the latest");
  }

  // --- helpers ---

  private Http.Response put(TenantAccess t, long loan, String elements) {
    return http.api("PUT", ODATA + "Loans(" + loan + ")", t.id(), t.token(),
        "{\"DueDateChanges\":{\"results\":[" + elements + "]}}");
  }

  private JsonNode status(TenantAccess t, long loan, LocalDate on) {
    return ok(http.api("GET", API + "Loans(" + loan + ")/Autopal.GetStatus(" + on + ")", t.id(), t.token(), null))
        .get("d");
  }

  private List<JsonNode> scheduled(TenantAccess t, long loan) {
    JsonNode rows = ok(http.api("GET", ODATA + "Loans(" + loan + ")/Transactions?nopaging=true", t.id(), t.token(),
        null)).get("d").get("results");
    List<JsonNode> out = new java.util.ArrayList<>();
    rows.forEach(r -> {
      if (r.get("type").asString().equals("scheduledPayment")) {
        out.add(r);
      }
    });
    return out;
  }

  /** A status without what names its loan. */
  private static JsonNode figures(JsonNode status) {
    tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) status.deepCopy();
    copy.remove(List.of("__metadata", "id", "loanId"));
    return copy;
  }

  private static JsonNode last(List<JsonNode> rows) {
    return rows.get(rows.size() - 1);
  }

  private static String date(LocalDate d) {
    return "/Date(" + d.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + ")/";
  }
}
