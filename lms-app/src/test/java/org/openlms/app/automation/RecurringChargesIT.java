package org.openlms.app.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlms.app.support.TenantDriver.API;
import static org.openlms.app.support.TenantDriver.ODATA;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.seed.LoanSeeder;
import org.openlms.app.support.Http;
import org.openlms.app.support.TenantDriver;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantService;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Recurring charges and the addCharge action on a real database: daily qualifying charges put on in maintenance
 * exactly as a replay computes them (also on loans with a payment dated that day), charges on events
 * (origination, activation, payment reversals by kind), each base, the rules after a charge seeing it, the dry
 * run, and definitions refused with their field.
 */
class RecurringChargesIT {

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();
  private final TenantDriver driver = new TenantDriver(server);

  @Test
  void dailyChargesGoOnInMaintenanceExactlyAsAReplayComputesThem() {
    TenantAccess t = server.newTenant();
    Tenant tenant = server.bean(TenantService.class).tenant(t.id());
    server.bean(LoanSeeder.class).seed(tenant, 80, 23L, (phase, done) -> { });
    LocalDate today = driver.today(t);
    JdbcClient db = driver.db(t);
    // First 5 % of what is past due, then 2.50 on every loan of at least 1,000 (the restriction).
    charge(t, "{\"title\":\"Collection fee\",\"triggerType\":\"charge.recurring.triggertype.rule\","
        + "\"triggerRule\":\"status.daysPastDue > 0\",\"calculation\":\"charge.recurring.calculation.percentage\","
        + "\"percentage\":5,\"percentageBase\":\"charge.recurring.percentagebase.apd\",\"chargeTypeId\":2,\"order\":1}");
    charge(t, "{\"title\":\"Servicing fee\",\"triggerType\":\"charge.recurring.triggertype.rule\",\"triggerRule\":\"true\","
        + "\"restrictionRule\":\"setup.loanAmount >= 1000.0\",\"calculation\":\"charge.recurring.calculation.fixed\","
        + "\"fixedAmount\":\"2.50\",\"order\":2}");
    List<Long> loans = db.sql("""
        SELECT id FROM loan WHERE setup_active AND NOT deleted AND NOT archived AND NOT temporary_account
        ORDER BY id""").query(Long.class).list();
    assertThat(loans).hasSizeGreaterThan(50);
    // Some loans have a payment dated today, posted before the night: it must pay today's charges first.
    List<Long> paying = loans.subList(0, 10);
    paying.forEach(id -> TenantDriver.ok(http.api("PUT", ODATA + "Loans(" + id + ")", t.id(), t.token(),
        "{\"Payments\":{\"results\":[{\"amount\":20,\"date\":\"" + today + "\",\"info\":\"today\",\"paymentTypeId\":1,"
            + "\"paymentMethodId\":1}]}}")));

    driver.maintain(t);

    assertThat(db.sql("SELECT step || ': ' || error FROM dm_loan_error").query(String.class).list()).isEmpty();
    int pastDue = 0;
    for (long id : loans) {
      JsonNode nightly = TenantDriver.ok(http.api("GET", ODATA + "Loans(" + id + ")/StatusArchive?$filter=date%20eq%20datetime%27"
          + today + "%27", t.id(), t.token(), null)).get("d").get("results").get(0);
      JsonNode replayed = TenantDriver.ok(http.api("GET", API + "Loans(" + id + ")/Autopal.GetStatus(" + today + ")", t.id(),
          t.token(), null)).get("d");
      assertThat(nightly).as("loan " + id).isEqualTo(replayed);
      List<Map<String, Object>> charged = db.sql("""
          SELECT c.info, c.amount, c.charge_type_id, s.title FROM loan_charge c
          JOIN recurring_charge s ON s.id = c.source_id AND c.source = 'recurringCharge'
          WHERE c.loan_id = ? AND c.date = ? ORDER BY c.id""").params(id, today).query().listOfRows();
      BigDecimal loanAmount = db.sql("SELECT loan_amount FROM loan_setup WHERE loan_id = ?").param(id)
          .query(BigDecimal.class).single();
      boolean servicing = loanAmount.compareTo(new BigDecimal("1000")) >= 0;
      Map<String, Object> fee = charged.isEmpty() ? null : charged.get(0);
      if (fee != null && fee.get("title").equals("Collection fee")) {
        pastDue++;
        assertThat(fee.get("charge_type_id")).isEqualTo(2);
        if (!paying.contains(id)) {
          // 5 % of what was past due before both charges: amount due now less the two charges
          BigDecimal pct = (BigDecimal) fee.get("amount");
          BigDecimal before = new BigDecimal(nightly.get("amountDue").asString()).subtract(pct)
              .subtract(servicing ? new BigDecimal("2.50") : BigDecimal.ZERO);
          assertThat(pct).as("loan " + id).isEqualByComparingTo(before.multiply(new BigDecimal("0.05"))
              .setScale(2, RoundingMode.HALF_UP));
        }
      }
      assertThat(charged.stream().filter(c -> c.get("title").equals("Servicing fee")).count()).as("loan " + id)
          .isEqualTo(servicing ? 1 : 0);
    }
    assertThat(pastDue).as("past-due loans charged").isGreaterThan(0);
    // What each of today's payments paid was rewritten with the charges: fees first.
    for (long id : paying) {
      BigDecimal fees = db.sql("SELECT applied_fees FROM loan_payment WHERE loan_id = ? AND date = ?")
          .params(id, today).query(BigDecimal.class).single();
      BigDecimal charges = db.sql("SELECT coalesce(sum(amount), 0) FROM loan_charge WHERE loan_id = ? AND date = ?")
          .params(id, today).query(BigDecimal.class).single();
      assertThat(fees).as("loan " + id).isGreaterThanOrEqualTo(charges.min(new BigDecimal("20")));
    }
    // Each charge is logged on its loan.
    long logged = db.sql("SELECT count(*) FROM automation_applied WHERE source = 'recurringCharge' AND date = ?")
        .param(today).query(Long.class).single();
    assertThat(logged).isEqualTo(db.sql("SELECT count(*) FROM loan_charge WHERE source = 'recurringCharge'")
        .query(Long.class).single());
  }

  @Test
  void eventsFireTheirChargesOnActivationAndOnReversalsOfTheirKind() {
    TenantAccess t = server.newTenant();
    charge(t, event("Origination fee", "origination", null, "\"calculation\":\"charge.recurring.calculation.percentage\","
        + "\"percentage\":2,\"percentageBase\":\"charge.recurring.percentagebase.ola\""));
    charge(t, event("Activation fee", "loanactivation", null, fixed("10.00")
        + ",\"restrictionRule\":\"setup.loanAmount > 4000.0\""));
    charge(t, event("NSF fee", "paymentreversal", "nfs", fixed("25.00")));
    charge(t, event("Any reversal", "paymentreversal", null, fixed("1.00")));
    charge(t, event("Due date change fee", "changeduedate", null, fixed("1.50")));
    long big = loan(t, "E1", 5000);
    long small = loan(t, "E2", 3000);
    assertThat(charges(t, big)).containsExactly("Origination fee:100.00", "Activation fee:10.00");
    assertThat(charges(t, small)).containsExactly("Origination fee:60.00");

    LocalDate today = driver.today(t);
    TenantDriver.ok(http.api("PUT", ODATA + "Loans(" + big + ")", t.id(), t.token(), "{\"Payments\":{\"results\":["
        + payment(today, 50) + "," + payment(today, 60) + "]}}"));
    List<Long> payments = driver.db(t).sql("SELECT id FROM loan_payment WHERE loan_id = ? ORDER BY id").param(big)
        .query(Long.class).list();
    reverse(t, big, payments.get(0), "payment.reverse.nsf");
    reverse(t, big, payments.get(1), "payment.reverse.clericalError");
    assertThat(charges(t, big)).containsExactly("Origination fee:100.00", "Activation fee:10.00", "NSF fee:25.00",
        "Any reversal:1.00", "Any reversal:1.00");
    // Each charge is part of what the loan owes, as a replay from the start computes it.
    JsonNode status = TenantDriver.ok(http.api("GET", API + "Loans(" + big + ")/Autopal.GetStatus(" + today + ")", t.id(),
        t.token(), null)).get("d");
    assertThat(new BigDecimal(status.get("dueFees").asString())).isEqualByComparingTo("137.00");

    // Moving a due date fires its charge; taking the change back does not.
    TenantDriver.ok(http.api("PUT", ODATA + "Loans(" + small + ")", t.id(), t.token(), "{\"DueDateChanges\":{\"results\":"
        + "[{\"originalDate\":\"" + today.plusDays(20) + "\",\"newDate\":\"" + today.plusDays(25) + "\"}]}}"));
    assertThat(charges(t, small)).containsExactly("Origination fee:60.00", "Due date change fee:1.50");
    long change = driver.db(t).sql("SELECT id FROM loan_due_date_change WHERE loan_id = ?").param(small)
        .query(Long.class).single();
    TenantDriver.ok(http.api("PUT", ODATA + "Loans(" + small + ")", t.id(), t.token(), "{\"DueDateChanges\":{\"results\":"
        + "[{\"__id\":" + change + ",\"__destroy\":true}]}}"));
    assertThat(charges(t, small)).hasSize(2);
  }

  @Test
  void aRuleChargeIsSeenByTheNextRuleAndNewLoansCanBeLeftOut() {
    TenantAccess t = server.newTenant();
    long flag = TenantDriver.ok(http.api("POST", ODATA + "WarningFlags", t.id(), t.token(),
        "{\"name\":\"Fees due\",\"color\":\"#ff0000\"}")).get("d").get("id").asLong();
    rule(t, "late fee", "status.daysPastDue > 30", 1, "{\"type\":\"addCharge\",\"amount\":\"15.00\",\"chargeTypeId\":1,"
        + "\"info\":\"late\"}");
    rule(t, "flag fees", "status.dueFees >= 15.0", 2, "{\"type\":\"setFlag\",\"flagId\":" + flag + "}");
    long late = loan(t, "R1", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 9, 1), 5000);
    assertThat(charges(t, late)).containsExactly("late:15.00");
    assertThat(driver.db(t).sql("SELECT count(*) FROM loan_flag WHERE loan_id = ? AND flag_id = ?").params(late, flag)
        .query(Long.class).single()).isEqualTo(1);

    // applyInNewLoan 0: a loan created after the charge does not get it; one that existed does.
    long existing = loan(t, "R2", 5000);
    charge(t, "{\"title\":\"Old loans only\",\"triggerType\":\"charge.recurring.triggertype.rule\",\"triggerRule\":\"true\","
        + "\"calculation\":\"charge.recurring.calculation.fixed\",\"fixedAmount\":3,\"applyInNewLoan\":0}");
    long fresh = loan(t, "R3", 5000);
    // The dry run says what the night would do and puts nothing on.
    JsonNode dry = TenantDriver.ok(http.api("POST", API + "Loans(" + existing + ")/Autopal.EvaluateRules()", t.id(), t.token(), "{}"))
        .get("d");
    assertThat(dry.get("applied").toString()).contains("Old loans only").contains("\"amount\":\"3.00\"");
    assertThat(dry.get("facts").get("status.dueFees").decimalValue()).isEqualByComparingTo("3.00");
    assertThat(charges(t, existing)).isEmpty();
    driver.maintain(t);
    assertThat(charges(t, existing)).containsExactly("Old loans only:3.00");
    assertThat(charges(t, fresh)).isEmpty();
  }

  @Test
  void chargeOffAndResetPastDueChangeTheLoanFromTheirDayAndTheNextRuleSeesIt() {
    TenantAccess t = server.newTenant();
    long current = TenantDriver.ok(http.api("POST", ODATA + "WarningFlags", t.id(), t.token(),
        "{\"name\":\"Current again\",\"color\":\"#00ff00\"}")).get("d").get("id").asLong();
    rule(t, "charge off", "status.daysPastDue > 60 && setup.loanAmount >= 4000.0", 1,
        "{\"type\":\"chargeOff\",\"loanStatusId\":4,\"loanSubStatusId\":40}");
    rule(t, "forgive lateness", "status.daysPastDue > 0 && setup.loanAmount < 4000.0", 2, "{\"type\":\"resetPastDue\"}");
    rule(t, "flag current", "status.daysPastDue == 0 && setup.loanAmount < 4000.0", 3,
        "{\"type\":\"setFlag\",\"flagId\":" + current + "}");
    LocalDate contract = driver.today(t).minusDays(200);
    long off = loan(t, "C1", contract, contract.plusDays(30), 5000);
    long reset = loan(t, "C2", contract, contract.plusDays(30), 3000);

    JdbcClient db = driver.db(t);
    assertThat(db.sql("SELECT loan_status_id || '/' || loan_sub_status_id FROM loan_settings WHERE loan_id = ?")
        .param(off).query(String.class).single()).isEqualTo("4/40");
    assertThat(db.sql("SELECT kind FROM loan_adjustment WHERE loan_id = ?").param(off).query(String.class).list())
        .containsExactly("STOP_INTEREST");
    assertThat(db.sql("SELECT kind FROM loan_adjustment WHERE loan_id = ?").param(reset).query(String.class).list())
        .containsExactly("RESET_PAST_DUE");
    assertThat(db.sql("SELECT count(*) FROM loan_flag WHERE loan_id = ?").param(reset).query(Long.class).single())
        .isEqualTo(1);
    LocalDate today = driver.today(t);
    JsonNode offToday = status(t, off, today);
    assertThat(offToday.get("perdiem").asString()).isEqualTo("0.00");
    assertThat(status(t, reset, today).get("daysPastDue").asInt()).isZero();

    // From here on the charged-off loan accrues nothing: its payoff in ten days is today's.
    assertThat(status(t, off, today.plusDays(10)).get("payoff").asString()).isEqualTo(offToday.get("payoff").asString());
    assertThat(new BigDecimal(status(t, reset, today.plusDays(10)).get("payoff").asString()))
        .isGreaterThan(new BigDecimal(status(t, reset, today).get("payoff").asString()));
  }

  @Test
  void resetPastDueInMaintenanceMatchesAReplayOnEveryLoan() {
    TenantAccess t = server.newTenant();
    Tenant tenant = server.bean(TenantService.class).tenant(t.id());
    server.bean(LoanSeeder.class).seed(tenant, 50, 7L, (phase, done) -> { });
    TenantDriver.ok(http.api("POST", ODATA + "AutomationRules", t.id(), t.token(), "{\"name\":\"reset\",\"rule\":"
        + "\"status.daysPastDue > 0\",\"actions\":{\"results\":[{\"type\":\"resetPastDue\"},"
        + "{\"type\":\"stopInterest\"}]}}"));
    LocalDate today = driver.today(t);
    driver.maintain(t);
    JdbcClient db = driver.db(t);
    assertThat(db.sql("SELECT step || ': ' || error FROM dm_loan_error").query(String.class).list()).isEmpty();
    List<Long> adjusted = db.sql("SELECT DISTINCT loan_id FROM loan_adjustment ORDER BY 1").query(Long.class).list();
    assertThat(adjusted).isNotEmpty();
    for (long id : adjusted) {
      JsonNode nightly = TenantDriver.ok(http.api("GET", ODATA + "Loans(" + id + ")/StatusArchive?$filter=date%20eq%20datetime%27"
          + today + "%27", t.id(), t.token(), null)).get("d").get("results").get(0);
      assertThat(nightly).as("loan " + id).isEqualTo(status(t, id, today));
      assertThat(nightly.get("daysPastDue").asInt()).as("loan " + id).isZero();
      assertThat(nightly.get("perdiem").asString()).as("loan " + id).isEqualTo("0.00");
    }
  }

  @Test
  void badDefinitionsAreRefusedByFieldAndNothingIsSaved() {
    TenantAccess t = server.newTenant();
    String daily = "{\"title\":\"x\",\"triggerType\":\"charge.recurring.triggertype.rule\",";
    Map<String, String> bad = Map.of(
        daily + "\"calculation\":\"charge.recurring.calculation.fixed\",\"fixedAmount\":5}", "triggerRule: is required",
        event("x", "loanmodification", null, fixed("5")), "loanmodification needs a feature this system does not have yet",
        daily + "\"triggerRule\":\"true\",\"calculation\":\"charge.recurring.calculation.percentage\",\"percentage\":5,"
            + "\"percentageBase\":\"charge.recurring.percentagebase.xyz\"}", "percentageBase: must be one of",
        daily + "\"triggerRule\":\"true\",\"calculation\":\"charge.recurring.calculation.contingency\","
            + "\"percentageBase\":\"charge.recurring.percentagebase.apd\",\"brackets\":[{\"from\":0,\"to\":100,"
            + "\"fixedAmount\":5},{\"from\":50,\"fixedAmount\":9}]}", "bracket 2 must start above the end of bracket 1",
        daily + "\"triggerRule\":\"status.daysPastDue > \\\"x\\\"\",\"calculation\":\"charge.recurring.calculation.fixed\","
            + "\"fixedAmount\":5}", "triggerRule",
        daily + "\"triggerRule\":\"true\",\"calculation\":\"charge.recurring.calculation.fixed\",\"fixedAmount\":5,"
            + "\"interestBearing\":1}", "interestBearing",
        daily + "\"triggerRule\":\"true\",\"calculation\":\"charge.recurring.calculation.fixed\",\"fixedAmount\":5,"
            + "\"chargeTypeId\":99}", "chargeTypeId: 99 is not a charge type",
        daily + "\"triggerRule\":\"true\",\"calculation\":\"charge.recurring.calculation.fixed\",\"fixedAmount\":-5}",
        "fixedAmount");
    bad.forEach((body, message) -> {
      Http.Response r = http.api("POST", ODATA + "RecurringCharges", t.id(), t.token(), body);
      assertThat(r.status()).as(body).isEqualTo(409);
      assertThat(r.raw()).as(body).contains(message);
    });
    assertThat(driver.db(t).sql("SELECT count(*) FROM recurring_charge").query(Long.class).single()).isZero();

    // A good one, then an update that would make it inconsistent is refused as a whole.
    long id = charge(t, daily + "\"triggerRule\":\"true\",\"calculation\":\"charge.recurring.calculation.contingency\","
        + "\"percentageBase\":\"charge.recurring.percentagebase.cpb\",\"brackets\":[{\"from\":0,\"to\":1000,"
        + "\"fixedAmount\":5},{\"from\":1000.01,\"percentage\":1}]}");
    JsonNode read = TenantDriver.ok(http.api("GET", ODATA + "RecurringCharges(" + id + ")", t.id(), t.token(), null)).get("d");
    assertThat(read.get("brackets")).hasSize(2);
    Http.Response r = http.api("PUT", ODATA + "RecurringCharges(" + id + ")", t.id(), t.token(),
        "{\"calculation\":\"charge.recurring.calculation.percentage\"}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.raw()).contains("percentage and percentageBase");
    assertThat(TenantDriver.ok(http.api("GET", ODATA + "RecurringCharges(" + id + ")", t.id(), t.token(), null)).get("d")
        .get("calculation").asString()).isEqualTo("charge.recurring.calculation.contingency");
  }

  // --- helpers ---

  private static String event(String title, String event, String sub, String calc) {
    return "{\"title\":\"" + title + "\",\"triggerType\":\"charge.recurring.triggertype.event\","
        + "\"triggerEvent\":\"charge.recurring.event." + event + "\""
        + (sub == null ? "" : ",\"triggerSubEvent\":\"charge.recurring.event.paymentreversal." + sub + "\"")
        + "," + calc + "}";
  }

  private static String fixed(String amount) {
    return "\"calculation\":\"charge.recurring.calculation.fixed\",\"fixedAmount\":\"" + amount + "\"";
  }

  private static String payment(LocalDate date, int amount) {
    return "{\"amount\":" + amount + ",\"date\":\"" + date + "\",\"info\":\"p\",\"paymentTypeId\":1,\"paymentMethodId\":1}";
  }

  private void reverse(TenantAccess t, long loan, long payment, String reason) {
    TenantDriver.ok(http.api("PUT", ODATA + "Loans(" + loan + ")", t.id(), t.token(), "{\"Payments\":{\"results\":[{\"__id\":"
        + payment + ",\"__update\":true,\"active\":0,\"reverseReason\":\"" + reason + "\"}]}}"));
  }

  private long charge(TenantAccess t, String body) {
    return TenantDriver.ok(http.api("POST", ODATA + "RecurringCharges", t.id(), t.token(), body)).get("d").get("id").asLong();
  }

  private long loan(TenantAccess t, String displayId, LocalDate contract, LocalDate firstPayment, int amount) {
    return driver.loan(t, displayId, contract, firstPayment, amount);
  }

  private void rule(TenantAccess t, String name, String rule, int order, String actions) {
    driver.rule(t, name, rule, order, true, actions);
  }

  /** The loan's charges as info:amount, in the order they were put on. */
  private List<String> charges(TenantAccess t, long id) {
    return driver.db(t).sql("SELECT info || ':' || amount FROM loan_charge WHERE loan_id = ? AND active ORDER BY id")
        .param(id).query(String.class).list();
  }

  private long loan(TenantAccess t, String displayId, int amount) {
    LocalDate today = driver.today(t);
    return loan(t, displayId, today.minusDays(3), today.plusDays(20), amount);
  }

  private JsonNode status(TenantAccess t, long id, LocalDate date) {
    return TenantDriver.ok(http.api("GET", API + "Loans(" + id + ")/Autopal.GetStatus(" + date + ")", t.id(), t.token(), null))
        .get("d");
  }

}
