package org.openlms.app.api.odata.automation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.api.odata.ODataEnvelope;
import org.openlms.app.automation.AutomationService;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.loan.LoanService;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.portfolio.Restrictions;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The automation engine on one loan: the dry run, the manual stoplight, the flag history and what the engine
 * applied. Actions answer under {@code odata.svc} or not, with {@code Autopal} or {@code AutoPal}.
 */
@RestController
@RequestMapping("/api/public/api/1")
class LoanAutomationController {

  private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

  private final AutomationService automation;
  private final TenantTransactions tx;
  private final Restrictions restrictions;
  private final LoanService loans;

  LoanAutomationController(AutomationService automation, TenantTransactions tx, Restrictions restrictions,
      LoanService loans) {
    this.loans = loans;
    this.automation = automation;
    this.tx = tx;
    this.restrictions = restrictions;
  }

  /**
   * Dry run: {@code {"date":"YYYY-MM-DD","rule":"status.daysPastDue > 30"}}, both optional. With a rule, whether
   * it holds; without, what every rule, stoplight rule and flag would change. Nothing is stored.
   */
  @PostMapping({"/Loans({id})/Autopal.EvaluateRules()", "/Loans({id})/AutoPal.EvaluateRules()",
      "/odata.svc/Loans({id})/Autopal.EvaluateRules()", "/odata.svc/Loans({id})/AutoPal.EvaluateRules()"})
  Map<String, Object> dryRun(Tenant tenant, PortfolioRestriction pr, @PathVariable long id, @RequestBody(required = false) JsonNode body) {
    LocalDate date = null;
    String rule = null;
    if (body != null && !body.isNull()) {
      FieldReader r = reader("EvaluateRules", body, Set.of("date", "rule"));
      date = r.date("date");
      rule = r.text("rule", org.openlms.engine.rules.RuleCompiler.MAX_LENGTH);
      r.throwIfInvalid();
    }
    restrictions.requireLoan(tenant, pr, id);
    loans.get(tenant, id); // a missing (or deleted) loan is a 409, as on every loan endpoint
    LocalDate on = date;
    String expr = rule;
    // In one transaction so that every read sees one snapshot; the dry run writes nothing.
    return ODataEnvelope.single(tx.inTransaction(tenant, db -> automation.dryRun(tenant, id, on, expr)));
  }

  /** {@code {"stoplight":"red"}} sets a manual stoplight; {@code {"stoplight":null}} hands it back to the rules. */
  @PostMapping({"/Loans({id})/Autopal.SetStoplight()", "/Loans({id})/AutoPal.SetStoplight()",
      "/odata.svc/Loans({id})/Autopal.SetStoplight()", "/odata.svc/Loans({id})/AutoPal.SetStoplight()"})
  Map<String, Object> stoplight(Tenant tenant, PortfolioRestriction pr, @PathVariable long id, @RequestBody JsonNode body) {
    FieldReader r = reader("SetStoplight", body, Set.of("stoplight"));
    if (!body.has("stoplight")) {
      r.fail("stoplight", "is required (green, yellow, red, or null to clear a manual stoplight)");
    }
    Object color = new ConfigField("stoplight", "stoplight", ConfigField.Kind.STOPLIGHT_COLOR, false, null)
        .read(r, body);
    r.throwIfInvalid();
    restrictions.requireLoan(tenant, pr, id);
    loans.get(tenant, id); // a missing (or deleted) loan is a 409, as on every loan endpoint
    automation.setStoplight(tenant, id, (String) color);
    return ODataEnvelope.single(Map.of("success", true));
  }

  @PostMapping({"/odata.svc/StoplightRules/Autopal.Force()", "/odata.svc/StoplightRules/AutoPal.Force()",
      "/StoplightRules/Autopal.Force()", "/StoplightRules/AutoPal.Force()"})
  Map<String, Object> force(Tenant tenant, PortfolioRestriction pr) {
    AutomationConfigController.requireUnrestricted(pr);
    return ODataEnvelope.single(Map.of("success", true, "loans", automation.forceStoplights(tenant)));
  }

  /**
   * Forces an automation rule on every live loan it enrolls, now; answers the loans evaluated and changed.
   * (Writing {@code "forcing":1} on the rule does the same.)
   */
  @PostMapping({"/odata.svc/AutomationRules({id})/Autopal.Force()", "/odata.svc/AutomationRules({id})/AutoPal.Force()",
      "/AutomationRules({id})/Autopal.Force()", "/AutomationRules({id})/AutoPal.Force()"})
  Map<String, Object> forceRule(Tenant tenant, PortfolioRestriction pr, @PathVariable long id) {
    AutomationConfigController.requireUnrestricted(pr);
    var forced = automation.forceRule(tenant, id);
    return ODataEnvelope.single(Map.of("success", true, "loans", forced.evaluated(), "changed", forced.changed()));
  }

  @GetMapping({"/Loans({id})/Autopal.GetFlagArchiveReport", "/Loans({id})/AutoPal.GetFlagArchiveReport",
      "/Loans({id})/Autopal.GetFlagArchiveReport()", "/Loans({id})/AutoPal.GetFlagArchiveReport()",
      "/odata.svc/Loans({id})/Autopal.GetFlagArchiveReport", "/odata.svc/Loans({id})/AutoPal.GetFlagArchiveReport",
      "/odata.svc/Loans({id})/Autopal.GetFlagArchiveReport()", "/odata.svc/Loans({id})/AutoPal.GetFlagArchiveReport()"})
  Map<String, Object> flagArchive(Tenant tenant, PortfolioRestriction pr, @PathVariable long id) {
    restrictions.requireLoan(tenant, pr, id);
    loans.get(tenant, id); // a missing (or deleted) loan is a 409, as on every loan endpoint
    List<Map<String, Object>> rows = tx.jdbc(tenant).sql("""
            SELECT a.*, f.name, f.color FROM loan_flag_archive a LEFT JOIN warning_flag f ON f.id = a.flag_id
            WHERE a.loan_id = ? ORDER BY a.id""").param(id).query((rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("flagId", rs.getLong("flag_id"));
          m.put("name", rs.getString("name"));
          m.put("color", rs.getString("color"));
          m.put("date", ODataFormat.date(rs.getObject("date", LocalDate.class)));
          m.put("action", rs.getString("action"));
          m.put("source", rs.getString("source"));
          return m;
        }).list();
    return ODataEnvelope.single(Map.of("results", rows));
  }

  /** What rules, stoplights and flags changed on the loan, oldest first (LoanPro shows this on the loan). */
  @GetMapping({"/odata.svc/Loans({id})/AutomationApplied", "/odata.svc/Loans(id={id})/AutomationApplied"})
  Map<String, Object> applied(Tenant tenant, PortfolioRestriction pr, @PathVariable long id) {
    restrictions.requireLoan(tenant, pr, id);
    loans.get(tenant, id); // a missing (or deleted) loan is a 409, as on every loan endpoint
    List<Map<String, Object>> rows = tx.jdbc(tenant).sql("SELECT * FROM automation_applied WHERE loan_id = ? ORDER BY id")
        .param(id).query((rs, n) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", rs.getLong("id"));
          m.put("source", rs.getString("source"));
          m.put("sourceId", rs.getLong("source_id"));
          m.put("date", ODataFormat.date(rs.getObject("date", LocalDate.class)));
          m.put("mode", rs.getString("mode"));
          m.put("changes", JSON.readValue(rs.getString("changes"), List.class));
          return m;
        }).list();
    return ODataEnvelope.single(Map.of("results", rows));
  }

  private static FieldReader reader(String entity, JsonNode body, Set<String> fields) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("The request body must be a JSON object");
    }
    FieldReader r = new FieldReader(entity, body);
    for (String name : body.propertyNames()) {
      if (!fields.contains(name)) {
        r.fail(FieldReader.clip(name), "unknown field");
      }
    }
    return r;
  }
}
