package org.openlms.app.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openlms.app.support.TenantDriver.API;
import static org.openlms.app.support.TenantDriver.ODATA;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.TenantDriver;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The automation engine through the API and inside daily maintenance, on a real database: rule order, real-time
 * and nightly evaluation, every action, stoplights with priority and manual override, flag history, refused rules,
 * a rule failing on one loan while the others go on, the max rules limit and the dry run.
 */
class AutomationIT {

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();
  private final TenantDriver driver = new TenantDriver(server);

  @Test
  void aRuleSeesTheChangeOfTheRuleBeforeItButNotOfTheRuleAfterIt() {
    // In this order, the second rule sees the status the first one set.
    TenantAccess t = server.newTenant();
    long flag = flag(t, "Collections", "");
    rule(t, "to collections", "status.daysPastDue > 30", 1, false, "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":20}");
    rule(t, "flag collections", "settings.loanStatusId == 2", 2, false, "{\"type\":\"setFlag\",\"flagId\":" + flag + "}");
    long late = loan(t, "L1", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 9, 1));
    driver.maintain(t);
    assertThat(settings(t, late).get("loanStatusId").asInt()).isEqualTo(2);
    assertThat(flags(t, late)).containsExactly(flag);

    // In the other order, the flag rule runs first and does not yet see the status.
    TenantAccess u = server.newTenant();
    long flag2 = flag(u, "Collections", "");
    rule(u, "flag collections", "settings.loanStatusId == 2", 1, false, "{\"type\":\"setFlag\",\"flagId\":" + flag2 + "}");
    rule(u, "to collections", "status.daysPastDue > 30", 2, false, "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":20}");
    long late2 = loan(u, "L1", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 9, 1));
    driver.maintain(u);
    assertThat(settings(u, late2).get("loanStatusId").asInt()).isEqualTo(2);
    assertThat(flags(u, late2)).isEmpty();
  }

  @Test
  void rulesRunNightlyOrInRealTimeAsMarked() {
    TenantAccess t = server.newTenant();
    rule(t, "nightly", "true", 1, false, "{\"type\":\"enableAutopay\"}");
    rule(t, "real time", "true", 2, true, "{\"type\":\"setStatus\",\"loanStatusId\":3,\"loanSubStatusId\":30}");
    JsonNode body = http.api("PUT", ODATA + "AutomationRules(" + ruleId(t, "nightly") + ")", t.id(), t.token(),
        "{\"evalInDailyMaint\":1,\"evalInRealTime\":0}").body();
    assertThat(body.get("d").get("evalInRealTime").asInt()).isZero();
    http.api("PUT", ODATA + "AutomationRules(" + ruleId(t, "real time") + ")", t.id(), t.token(),
        "{\"evalInDailyMaint\":0}");

    long id = loan(t, "R1", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 9, 1)); // activation is a change
    assertThat(settings(t, id).get("loanStatusId").asInt()).isEqualTo(3);
    assertThat(settings(t, id).get("autopayEnabled").asInt()).isZero();

    driver.maintain(t);
    assertThat(settings(t, id).get("autopayEnabled").asInt()).isEqualTo(1);
    List<String> modes = applied(t, id).stream().map(a -> a.get("mode").asString()).toList();
    assertThat(modes).containsExactly("realTime", "dailyMaintenance");
  }

  @Test
  void everyActionChangesTheLoanAndIsRecorded() {
    TenantAccess t = server.newTenant();
    long flag = flag(t, "Watch", "");
    long keep = flag(t, "Keep", "");
    long portfolio = portfolio(t, "Collections");
    long other = portfolio(t, "Prime");
    long sub = subPortfolio(t, portfolio, "Early stage");
    long id = loan(t, "A1", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 9, 1));
    link(t, id, other);
    rule(t, "everything", "status.daysPastDue > 0", 1, false,
        "{\"type\":\"setStatus\",\"loanStatusId\":5,\"loanSubStatusId\":51},"
            + "{\"type\":\"addPortfolio\",\"portfolioId\":" + portfolio + "},"
            + "{\"type\":\"addSubPortfolio\",\"subPortfolioId\":" + sub + "},"
            + "{\"type\":\"removePortfolio\",\"portfolioId\":" + other + "},"
            + "{\"type\":\"setFlag\",\"flagId\":" + flag + "},{\"type\":\"setFlag\",\"flagId\":" + keep + "},"
            + "{\"type\":\"enableAutopay\"}");
    rule(t, "undo some", "settings.autopayEnabled && " + flag + " in settings.flags", 2, false,
        "{\"type\":\"clearFlag\",\"flagId\":" + flag + "},{\"type\":\"disableAutopay\"},"
            + "{\"type\":\"removeSubPortfolio\",\"subPortfolioId\":" + sub + "}");
    driver.maintain(t);

    JsonNode s = settings(t, id);
    assertThat(s.get("loanStatusId").asInt()).isEqualTo(5);
    assertThat(s.get("loanSubStatusId").asInt()).isEqualTo(51);
    assertThat(s.get("autopayEnabled").asInt()).isZero();
    assertThat(flags(t, id)).containsExactly(keep);
    JdbcClient db = driver.db(t);
    assertThat(db.sql("SELECT portfolio_id FROM loan_portfolio WHERE loan_id = ?").param(id).query(Long.class).list())
        .containsExactly(portfolio);
    assertThat(db.sql("SELECT count(*) FROM loan_sub_portfolio WHERE loan_id = ?").param(id).query(Long.class).single())
        .isZero();
    List<JsonNode> log = applied(t, id);
    assertThat(log).hasSize(2);
    assertThat(log.get(0).get("changes")).hasSize(7);
    assertThat(log.get(1).get("changes")).hasSize(3);
    assertThat(flagHistory(t, id)).containsExactly("Watch:set:rule", "Keep:set:rule", "Watch:cleared:rule");
  }

  @Test
  void theFirstStoplightRuleThatHoldsWinsAndAManualStoplightStays() {
    TenantAccess t = server.newTenant();
    stoplight(t, "very late", "status.daysPastDue > 30", "red", 1);
    stoplight(t, "late", "status.daysPastDue > 0", "stoplight.display.yellow", 2);
    long late = loan(t, "S1", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 9, 1));
    LocalDate today = driver.today(t);
    long current = loan(t, "S2", today.minusDays(3), today.plusDays(20));
    long manual = loan(t, "S3", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 9, 1));
    TenantDriver.ok(http.api("POST", API + "Loans(" + manual + ")/Autopal.SetStoplight()", t.id(), t.token(), "{\"stoplight\":\"green\"}"));
    driver.maintain(t);
    assertThat(stoplight(t, late)).isEqualTo("red");
    assertThat(stoplight(t, current)).isEqualTo("green");
    assertThat(stoplight(t, manual)).isEqualTo("green");

    // Cleared, the manual stoplight goes back to the rules at the next evaluation ("force").
    TenantDriver.ok(http.api("POST", API + "Loans(" + manual + ")/Autopal.SetStoplight()", t.id(), t.token(), "{\"stoplight\":null}"));
    JsonNode forced = TenantDriver.ok(http.api("POST", ODATA + "StoplightRules/Autopal.Force()", t.id(), t.token(), null));
    assertThat(forced.get("d").get("loans").asLong()).isEqualTo(3);
    assertThat(stoplight(t, manual)).isEqualTo("red");

    // A lower number wins: make the yellow rule first and force again.
    long yellow = ruleIdIn(t, "StoplightRules", "late");
    TenantDriver.ok(http.api("PUT", ODATA + "StoplightRules(" + yellow + ")", t.id(), t.token(), "{\"priority\":0}"));
    TenantDriver.ok(http.api("POST", ODATA + "StoplightRules/Autopal.Force()", t.id(), t.token(), null));
    assertThat(stoplight(t, late)).isEqualTo("yellow");
  }

  @Test
  void aFlagRuleSetsAndClearsItsFlagAndTheHistoryKeepsBoth() {
    TenantAccess t = server.newTenant();
    flag(t, "Past due", "status.daysPastDue > 0");
    long id = loan(t, "F1", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 9, 1));
    assertThat(flagHistory(t, id)).containsExactly("Past due:set:warningFlag"); // real time, at activation
    // Paying the loan off (a change through the API) clears it at once.
    JsonNode payoff = http.api("GET", API + "Loans(" + id + ")/Autopal.GetLoanPayoff(" + driver.today(t) + ")", t.id(),
        t.token(), null).body().get("d").get(0);
    TenantDriver.ok(http.api("PUT", ODATA + "Loans(" + id + ")", t.id(), t.token(), "{\"Payments\":{\"results\":[{\"amount\":"
        + payoff.get("payoff").asString() + ",\"date\":\"" + driver.today(t) + "\",\"info\":\"payoff\",\"paymentTypeId\":1,"
        + "\"paymentMethodId\":1}]}}"));
    assertThat(flagHistory(t, id)).containsExactly("Past due:set:warningFlag", "Past due:cleared:warningFlag");
    assertThat(flags(t, id)).isEmpty();
  }

  @Test
  void aRuleIsRefusedWithThePositionAndTheReasonAndNothingIsSaved() {
    TenantAccess t = server.newTenant();
    Http.Response typo = http.api("POST", ODATA + "AutomationRules", t.id(), t.token(), body("typo",
        "status.daysPastDue > 30 &&\\n settings.loanStatusID == 2", 1, false, "{\"type\":\"enableAutopay\"}"));
    assertThat(typo.status()).isEqualTo(409);
    assertThat(typo.errorMessage()).contains("AutomationRule.rule: line 2, column 2")
        .contains("settings.loanStatusID").contains("did you mean 'settings.loanStatusId'");
    Http.Response notBool = http.api("POST", ODATA + "AutomationRules", t.id(), t.token(), body("sum",
        "status.payoff + 1.0", 1, false, "{\"type\":\"enableAutopay\"}"));
    assertThat(notBool.status()).isEqualTo(409);
    assertThat(notBool.errorMessage()).contains("bool");
    Http.Response badAction = http.api("POST", ODATA + "AutomationRules", t.id(), t.token(), body("x", "true", 1,
        false, "{\"type\":\"launchRocket\"}"));
    assertThat(badAction.status()).isEqualTo(409);
    assertThat(badAction.errorMessage()).contains("unknown action 'launchRocket'");
    Http.Response unknown = http.api("POST", ODATA + "StoplightRules", t.id(), t.token(),
        "{\"name\":\"x\",\"rule\":\"true\",\"color\":\"purple\",\"priority\":1,\"sparkle\":1}");
    assertThat(unknown.status()).isEqualTo(409);
    assertThat(unknown.errorMessage()).contains("sparkle: unknown field").contains("color: must be green");
    assertThat(http.api("GET", ODATA + "AutomationRules", t.id(), t.token(), null).body().get("d").get("summary")
        .get("total").asInt()).isZero();
    assertThat(driver.db(t).sql("SELECT version FROM automation_version").query(Long.class).single()).isZero();
  }

  @Test
  void aRuleThatFailsOnOneLoanIsRecordedAndTheOtherLoansGoOn() {
    TenantAccess t = server.newTenant();
    rule(t, "divides", "1000000 / status.daysPastDue > 0", 1, false, "{\"type\":\"enableAutopay\"}");
    long late = loan(t, "E1", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 9, 1));
    LocalDate today = driver.today(t);
    long current = loan(t, "E2", today.minusDays(3), today.plusDays(20));
    driver.maintain(t);
    JdbcClient db = driver.db(t);
    assertThat(settings(t, late).get("autopayEnabled").asInt()).isEqualTo(1);
    assertThat(db.sql("SELECT loan_id FROM automation_error").query(Long.class).list()).containsExactly(current);
    assertThat(db.sql("SELECT message FROM automation_error").query(String.class).single()).contains("by zero");
    assertThat(db.sql("SELECT count(*) FROM dm_loan_error").query(Long.class).single()).isZero();
    assertThat(db.sql("SELECT last_maintained_date FROM loan WHERE id = ?").param(current).query(LocalDate.class)
        .single()).isEqualTo(today);
  }

  @Test
  void theMaxRulesLimitIsEnforcedWithAClearError() {
    TenantAccess t = server.newTenant(Map.of("maxRules", 2));
    rule(t, "one", "true", 1, false, "{\"type\":\"enableAutopay\"}");
    rule(t, "two", "true", 2, false, "{\"type\":\"enableAutopay\"}");
    Http.Response third = http.api("POST", ODATA + "AutomationRules", t.id(), t.token(),
        body("three", "true", 3, false, "{\"type\":\"enableAutopay\"}"));
    assertThat(third.status()).isEqualTo(409);
    assertThat(third.errorMessage()).contains("at most 2 automation rules");
    TenantDriver.ok(http.api("DELETE", ODATA + "AutomationRules(" + ruleId(t, "one") + ")", t.id(), t.token(), null));
    TenantDriver.ok(http.api("POST", ODATA + "AutomationRules", t.id(), t.token(),
        body("three", "true", 3, false, "{\"type\":\"enableAutopay\"}")));
  }

  @Test
  void theDryRunSaysWhatWouldChangeAndChangesNothing() {
    TenantAccess t = server.newTenant();
    long id = loan(t, "D1", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 9, 1));
    rule(t, "collections", "status.daysPastDue > 30", 1, false, "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":20}");
    stoplight(t, "late", "status.daysPastDue > 0", "red", 1);
    JsonNode all = TenantDriver.ok(http.api("POST", API + "Loans(" + id + ")/Autopal.EvaluateRules()", t.id(), t.token(), "{}"))
        .get("d");
    assertThat(all.get("applied")).hasSize(2);
    assertThat(all.get("applied").get(0).get("changes").get(0).get("type").asString()).isEqualTo("setStatus");
    assertThat(all.get("applied").get(1).get("changes").get(0).get("stoplight").asString()).isEqualTo("red");
    assertThat(all.get("facts").get("status.daysPastDue").asInt()).isGreaterThan(30);

    JsonNode one = TenantDriver.ok(http.api("POST", ODATA + "Loans(" + id + ")/AutoPal.EvaluateRules()", t.id(), t.token(),
        "{\"date\":\"2020-09-05\",\"rule\":\"status.daysPastDue == 4\"}")).get("d");
    assertThat(one.get("result").asBoolean()).isTrue();
    Http.Response bad = http.api("POST", API + "Loans(" + id + ")/Autopal.EvaluateRules()", t.id(), t.token(),
        "{\"rule\":\"status.nope\"}");
    assertThat(bad.status()).isEqualTo(409);

    assertThat(applied(t, id)).isEmpty();
    assertThat(settings(t, id).get("loanStatusId").isNull()).isTrue();
    assertThat(stoplight(t, id)).isNull();
  }

  @Test
  void aSubPortfolioBringsItsParentAndAPortfolioTakesItsSubPortfoliosAsInTheApi() {
    TenantAccess t = server.newTenant();
    long parent = portfolio(t, "Collections");
    long sub = subPortfolio(t, parent, "Late stage");
    long id = loan(t, "P1", LocalDate.of(2020, 8, 17), LocalDate.of(2020, 9, 1));
    rule(t, "late stage", "status.daysPastDue > 0", 1, false,
        "{\"type\":\"addSubPortfolio\",\"subPortfolioId\":" + sub + "}");
    driver.maintain(t);
    JdbcClient db = driver.db(t);
    assertThat(db.sql("SELECT portfolio_id FROM loan_portfolio WHERE loan_id = ?").param(id).query(Long.class).list())
        .containsExactly(parent);
    TenantDriver.ok(http.api("DELETE", ODATA + "AutomationRules(" + ruleId(t, "late stage") + ")", t.id(), t.token(), null));
    rule(t, "out", "true", 1, true, "{\"type\":\"removePortfolio\",\"portfolioId\":" + parent + "}");
    TenantDriver.ok(http.api("PUT", ODATA + "Loans(" + id + ")", t.id(), t.token(), "{\"title\":\"changed\"}"));
    assertThat(db.sql("SELECT count(*) FROM loan_portfolio WHERE loan_id = ?").param(id).query(Long.class).single())
        .isZero();
    assertThat(db.sql("SELECT count(*) FROM loan_sub_portfolio WHERE loan_id = ?").param(id).query(Long.class).single())
        .isZero();
  }

  @Test
  void actionsNameOnlyPortfoliosAndFlagsThatExistAndAFlagInUseCannotBeDeleted() {
    TenantAccess t = server.newTenant();
    Http.Response missing = http.api("POST", ODATA + "AutomationRules", t.id(), t.token(),
        body("ghost", "true", 1, false, "{\"type\":\"addPortfolio\",\"portfolioId\":999}"));
    assertThat(missing.status()).isEqualTo(409);
    assertThat(missing.errorMessage()).contains("portfolioId 999, which does not exist");
    long flag = flag(t, "Watch", "");
    rule(t, "watch", "true", 1, false, "{\"type\":\"setFlag\",\"flagId\":" + flag + "}");
    Http.Response delete = http.api("DELETE", ODATA + "WarningFlags(" + flag + ")", t.id(), t.token(), null);
    assertThat(delete.status()).isEqualTo(409);
    assertThat(delete.errorMessage()).contains("used by the automation rules [watch]");
    TenantDriver.ok(http.api("DELETE", ODATA + "AutomationRules(" + ruleId(t, "watch") + ")", t.id(), t.token(), null));
    TenantDriver.ok(http.api("DELETE", ODATA + "WarningFlags(" + flag + ")", t.id(), t.token(), null));
  }

  @Test
  void forcingARuleAppliesItNowToEveryLoanItEnrolls() {
    TenantAccess t = server.newTenant();
    LocalDate today = driver.today(t);
    long late = loan(t, "F-LATE", today.minusDays(50), today.minusDays(20));
    long current = loan(t, "F-CURRENT", today.minusDays(5), today.plusDays(25));
    rule(t, "late to collections", "status.daysPastDue > 0", 1, false,
        "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":20}");
    long id = ruleId(t, "late to collections");
    assertThat(settings(t, late).get("loanSubStatusId").asInt()).isNotEqualTo(20); // a nightly rule: not yet

    JsonNode forced = TenantDriver.ok(http.api("POST", ODATA + "AutomationRules(" + id + ")/Autopal.Force()", t.id(),
        t.token(), null)).get("d");
    assertThat(forced.get("loans").asLong()).isEqualTo(2);
    assertThat(forced.get("changed").asLong()).isEqualTo(1);
    assertThat(settings(t, late).get("loanSubStatusId").asInt()).isEqualTo(20);
    assertThat(settings(t, current).get("loanSubStatusId").asInt()).isNotEqualTo(20);
    assertThat(applied(t, late).stream().map(a -> a.get("mode").asString())).containsExactly("force");

    // A rule written with forcing 1 is forced once saved; it enrolls only loans made after it, so none here.
    JsonNode saved = TenantDriver.ok(http.api("POST", ODATA + "AutomationRules", t.id(), t.token(),
        "{\"name\":\"new loans only\",\"rule\":\"true\",\"enrollExistingLoans\":0,\"forcing\":1,"
            + "\"actions\":[{\"type\":\"enableAutopay\"}]}")).get("d");
    assertThat(saved.get("forcing").asInt()).isZero();
    assertThat(saved.get("forced").get("changed").asLong()).isZero();
    TenantDriver.ok(http.api("PUT", ODATA + "AutomationRules(" + saved.get("id").asLong() + ")", t.id(), t.token(),
        "{\"enrollExistingLoans\":1,\"forcing\":1}"));
    assertThat(settings(t, late).get("autopayEnabled").asInt()).isEqualTo(1);
    assertThat(settings(t, current).get("autopayEnabled").asInt()).isEqualTo(1);

    TenantDriver.ok(http.api("PUT", ODATA + "AutomationRules(" + id + ")", t.id(), t.token(), "{\"enabled\":0}"));
    assertThat(http.api("POST", ODATA + "AutomationRules(" + id + ")/Autopal.Force()", t.id(), t.token(), null)
        .errorMessage()).contains("disabled");
    assertThat(http.api("PUT", ODATA + "AutomationRules(" + id + ")", t.id(), t.token(), "{\"forcing\":1}")
        .errorMessage()).contains("disabled");
    assertThat(http.api("POST", ODATA + "AutomationRules(987654)/Autopal.Force()", t.id(), t.token(), null).status())
        .isEqualTo(409);
  }

  // --- helpers ---

  private static String body(String name, String rule, int order, boolean realTime, String actions) {
    return "{\"name\":\"" + name + "\",\"rule\":\"" + rule + "\",\"order\":" + order + ",\"evalInRealTime\":"
        + (realTime ? 1 : 0) + ",\"actions\":{\"results\":[" + actions + "]}}";
  }

  private long flag(TenantAccess t, String name, String rule) {
    return TenantDriver.ok(http.api("POST", ODATA + "WarningFlags", t.id(), t.token(),
        "{\"name\":\"" + name + "\",\"color\":\"#ff0000\",\"rule\":\"" + rule + "\"}")).get("d").get("id").asLong();
  }

  private void stoplight(TenantAccess t, String name, String rule, String color, int priority) {
    TenantDriver.ok(http.api("POST", ODATA + "StoplightRules", t.id(), t.token(), "{\"name\":\"" + name + "\",\"rule\":\"" + rule
        + "\",\"color\":\"" + color + "\",\"priority\":" + priority + "}"));
  }

  private long portfolio(TenantAccess t, String title) {
    return TenantDriver.ok(http.api("POST", ODATA + "Portfolios", t.id(), t.token(), "{\"title\":\"" + title + "\"}"))
        .get("d").get("id").asLong();
  }

  private long subPortfolio(TenantAccess t, long portfolio, String title) {
    return TenantDriver.ok(http.api("POST", ODATA + "SubPortfolios", t.id(), t.token(),
        "{\"title\":\"" + title + "\",\"parent\":" + portfolio + "}")).get("d").get("id").asLong();
  }

  private void link(TenantAccess t, long loan, long portfolio) {
    TenantDriver.ok(http.api("PUT", ODATA + "Loans(" + loan + ")", t.id(), t.token(),
        "{\"Portfolios\":{\"results\":[{\"__id\":" + portfolio + "}]}}"));
  }

  private long loan(TenantAccess t, String displayId, LocalDate contract, LocalDate firstPayment) {
    return driver.loan(t, displayId, contract, firstPayment, 5000);
  }

  private void rule(TenantAccess t, String name, String rule, int order, boolean realTime, String actions) {
    driver.rule(t, name, rule, order, realTime, actions);
  }

  private JsonNode settings(TenantAccess t, long id) {
    return driver.settings(t, id);
  }

  private long ruleId(TenantAccess t, String name) {
    return ruleIdIn(t, "AutomationRules", name);
  }

  private long ruleIdIn(TenantAccess t, String set, String name) {
    return TenantDriver.ok(http.api("GET", ODATA + set + "?$filter=name%20eq%20%27" + name.replace(" ", "%20") + "%27", t.id(),
        t.token(), null)).get("d").get("results").get(0).get("id").asLong();
  }

  private List<Long> flags(TenantAccess t, long id) {
    return driver.db(t).sql("SELECT flag_id FROM loan_flag WHERE loan_id = ? ORDER BY flag_id").param(id).query(Long.class).list();
  }

  private String stoplight(TenantAccess t, long id) {
    return driver.db(t).sql("SELECT stoplight FROM loan_settings WHERE loan_id = ?").param(id)
        .query((rs, n) -> rs.getString(1)).list().get(0);
  }

  private List<JsonNode> applied(TenantAccess t, long id) {
    JsonNode r = TenantDriver.ok(http.api("GET", ODATA + "Loans(" + id + ")/AutomationApplied", t.id(), t.token(), null))
        .get("d").get("results");
    return java.util.stream.StreamSupport.stream(r.spliterator(), false).toList();
  }

  private List<String> flagHistory(TenantAccess t, long id) {
    JsonNode r = TenantDriver.ok(http.api("GET", API + "Loans(" + id + ")/Autopal.GetFlagArchiveReport", t.id(), t.token(), null))
        .get("d").get("results");
    return java.util.stream.StreamSupport.stream(r.spliterator(), false)
        .map(n -> n.get("name").asString() + ":" + n.get("action").asString() + ":" + n.get("source").asString()).toList();
  }

}
