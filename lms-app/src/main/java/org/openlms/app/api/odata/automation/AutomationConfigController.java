package org.openlms.app.api.odata.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.customfield.CustomFieldReferences;
import org.openlms.app.customfield.CustomFieldValues;
import org.openlms.app.api.odata.ODataEnvelope;
import org.openlms.app.api.odata.ODataRows;
import org.openlms.app.api.odata.ODataSelect;
import org.openlms.app.api.odata.query.ODataModel;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.api.odata.query.ODataQueryPlanner;
import org.openlms.app.api.odata.query.QueryPlan;
import org.openlms.app.audit.AuditLog;
import org.openlms.app.automation.AutomationConfigs;
import org.openlms.app.automation.AutomationService;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.errors.NotFoundException;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code odata.svc/AutomationRules}, {@code StoplightRules} and {@code WarningFlags}: create (rules are
 * type-checked, and the tenant's max rules limit is enforced), read with OData options, update, delete. Every
 * write bumps the configuration version, so the next chunk of a run and the next real-time change use it.
 */
@RestController
@RequestMapping("/api/public/api/1/odata.svc")
class AutomationConfigController {

  private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
      .build();
  private static final String R = "/AutomationRules";
  private static final String S = "/StoplightRules";
  private static final String F = "/WarningFlags";
  private static final String C = "/RecurringCharges";
  private static final String CF = "/CustomFields";
  private static final String ACTOR = "api";

  private final TenantTransactions tx;
  private final AutomationService automation;
  private final AuditLog audit;
  private final ODataQueryPlanner planner =
      new ODataQueryPlanner(ODataModel.of(ConfigSet.ALL.stream().map(ConfigSet::entity).toArray(
          org.openlms.app.api.odata.query.ODataEntity[]::new)));

  AutomationConfigController(TenantTransactions tx, AutomationService automation, AuditLog audit) {
    this.tx = tx;
    this.automation = automation;
    this.audit = audit;
  }

  @GetMapping({R, R + "()", S, S + "()", F, F + "()", C, C + "()", CF, CF + "()"})
  Map<String, Object> list(Tenant tenant, HttpServletRequest req, ODataQueryOptions options) {
    ConfigSet cs = set(req);
    QueryPlan plan = planner.plan(cs.name(), options);
    if (!plan.expand().isEmpty()) {
      throw new InvalidInputException(cs.name() + " has no navigation properties to $expand");
    }
    JdbcClient db = tx.jdbc(tenant);
    String base = base();
    List<Map<String, Object>> rows = ODataRows.query(db, plan, null, List.of(), (rs, n) -> view(cs, rs, base))
        .stream().map(r -> ODataSelect.apply(r, plan)).toList();
    return ODataEnvelope.collection(rows, plan.summary(ODataRows.count(db, plan, null, List.of())));
  }

  @GetMapping({R + "({id})", R + "(id={id})", S + "({id})", S + "(id={id})", F + "({id})", F + "(id={id})",
      C + "({id})", C + "(id={id})", CF + "({id})", CF + "(id={id})"})
  Map<String, Object> get(Tenant tenant, HttpServletRequest req, @PathVariable long id) {
    ConfigSet cs = set(req);
    return ODataEnvelope.single(find(tx.jdbc(tenant), cs, id));
  }

  @PostMapping({R, R + "()", S, S + "()", F, F + "()", C, C + "()", CF, CF + "()"})
  Map<String, Object> create(Tenant tenant, PortfolioRestriction pr, HttpServletRequest req, @RequestBody JsonNode body) {
    requireUnrestricted(pr);
    ConfigSet cs = set(req);
    Map<String, Object> values = read(cs, body, true);
    return ODataEnvelope.single(forceIfAsked(tenant, cs, values, tx.inTransaction(tenant, db -> {
      if (cs == ConfigSet.RULES) {
        // Serialised per tenant by the version row's lock, so two concurrent creates cannot pass the limit.
        db.sql("SELECT version FROM automation_version FOR UPDATE").query(Long.class).single();
        long count = db.sql("SELECT count(*) FROM automation_rule").query(Long.class).single();
        int max = tenant.limits().maxRules();
        if (count >= max) {
          throw new InvalidInputException("This tenant allows at most " + max + " automation rules (max rules "
              + "limit); delete or disable one, or ask the operator to raise the limit");
        }
        values.putIfAbsent("eval_order", db.sql("SELECT coalesce(max(eval_order), 0) + 1 FROM automation_rule")
            .query(Integer.class).single());
      }
      if (cs == ConfigSet.CHARGES) {
        values.putIfAbsent("eval_order", db.sql("SELECT coalesce(max(eval_order), 0) + 1 FROM recurring_charge")
            .query(Integer.class).single());
        checkCharge(db, new java.util.HashMap<>(values));
      }
      requireTargetsExist(db, values);
      requireCustomFields(db, cs, 0, values);
      List<String> cols = new ArrayList<>(values.keySet());
      long id = db.sql("INSERT INTO " + cs.table() + " (" + String.join(", ", cols) + ") VALUES ("
              + String.join(", ", cols.stream().map(c -> isJson(cs, c) ? "?::jsonb" : "?").toList())
              + ") RETURNING id")
          .params(new ArrayList<>(values.values())).query(Long.class).single();
      AutomationConfigs.bump(db);
      audit.record(db, ACTOR, cs.name(), id, "create", Map.of("fields", cols));
      requireForcible(db, cs, values, id);
      return find(db, cs, id);
    })));
  }

  @PutMapping({R + "({id})", R + "(id={id})", S + "({id})", S + "(id={id})", F + "({id})", F + "(id={id})",
      C + "({id})", C + "(id={id})", CF + "({id})", CF + "(id={id})"})
  Map<String, Object> update(Tenant tenant, PortfolioRestriction pr, HttpServletRequest req, @PathVariable long id,
      @RequestBody JsonNode body) {
    requireUnrestricted(pr);
    ConfigSet cs = set(req);
    Map<String, Object> values = read(cs, body, false);
    return ODataEnvelope.single(forceIfAsked(tenant, cs, values, tx.inTransaction(tenant, db -> {
      find(db, cs, id);
      if (cs == ConfigSet.CHARGES) {
        Map<String, Object> merged = db.sql("SELECT * FROM recurring_charge WHERE id = ?").param(id)
            .query((rs, n) -> AutomationConfigs.columns(rs)).single();
        merged.putAll(values);
        checkCharge(db, merged);
      }
      requireTargetsExist(db, values);
      requireCustomFields(db, cs, id, values);
      if (cs == ConfigSet.CUSTOM_FIELDS) {
        checkCustomFieldChange(db, id, values);
      }
      if (!values.isEmpty()) {
        List<String> cols = new ArrayList<>(values.keySet());
        List<Object> params = new ArrayList<>(values.values());
        params.add(id);
        db.sql("UPDATE " + cs.table() + " SET " + String.join(", ", cols.stream()
                .map(c -> c + (isJson(cs, c) ? " = ?::jsonb" : " = ?")).toList()) + ", last_update = now() WHERE id = ?")
            .params(params).update();
        AutomationConfigs.bump(db);
        audit.record(db, ACTOR, cs.name(), id, "update", Map.of("fields", cols));
      }
      requireForcible(db, cs, values, id);
      return find(db, cs, id);
    })));
  }

  @DeleteMapping({R + "({id})", R + "(id={id})", S + "({id})", S + "(id={id})", F + "({id})", F + "(id={id})",
      C + "({id})", C + "(id={id})", CF + "({id})", CF + "(id={id})"})
  Map<String, Object> delete(Tenant tenant, PortfolioRestriction pr, HttpServletRequest req, @PathVariable long id) {
    requireUnrestricted(pr);
    ConfigSet cs = set(req);
    tx.inTransaction(tenant, db -> {
      find(db, cs, id);
      if (cs == ConfigSet.FLAGS) {
        List<String> users = db.sql("SELECT name FROM automation_rule WHERE actions @> ?::jsonb ORDER BY id")
            .param("[{\"flagId\":" + id + "}]").query(String.class).list();
        if (!users.isEmpty()) {
          throw new InvalidInputException("WarningFlags(" + id + ") is used by the automation rules " + users
              + "; change those rules first");
        }
        db.sql("DELETE FROM loan_flag WHERE flag_id = ?").param(id).update(); // the flag archive keeps the history
      }
      if (cs == ConfigSet.CUSTOM_FIELDS) {
        String name = db.sql("SELECT name FROM custom_field WHERE id = ?").param(id).query(String.class).single();
        requireUnread(db, name, "deleted");
        List<String> setters = db.sql("SELECT name FROM automation_rule WHERE actions @> ?::jsonb ORDER BY id")
            .param("[{\"customFieldId\":" + id + "}]").query(String.class).list();
        if (!setters.isEmpty()) {
          throw new InvalidInputException("CustomFields(" + id + ") is set by the automation rules " + setters
              + "; change those rules first");
        }
      }
      db.sql("DELETE FROM " + cs.table() + " WHERE id = ?").param(id).update();
      AutomationConfigs.bump(db);
      audit.record(db, ACTOR, cs.name(), id, "delete", Map.of());
      return null;
    });
    return ODataEnvelope.single(Map.of("success", true));
  }

  /**
   * A rule written with {@code "forcing":1} is forced once saved (as {@code AutomationRules(id)/Autopal.Force()}
   * does); {@code forcing} reads 1 while that runs and 0 after, so the answer shows the rule as it now is.
   */
  private Map<String, Object> forceIfAsked(Tenant tenant, ConfigSet cs, Map<String, Object> values,
      Map<String, Object> saved) {
    if (cs != ConfigSet.RULES || !Boolean.TRUE.equals(values.get("forcing"))) {
      return saved;
    }
    long id = ((Number) saved.get("id")).longValue();
    AutomationService.Forced forced = automation.forceRule(tenant, id);
    Map<String, Object> now = find(tx.jdbc(tenant), cs, id);
    now.put("forced", Map.of("loans", forced.evaluated(), "changed", forced.changed()));
    return now;
  }

  private static void requireForcible(JdbcClient db, ConfigSet cs, Map<String, Object> values, long id) {
    if (cs == ConfigSet.RULES && Boolean.TRUE.equals(values.get("forcing")) && !db.sql(
        "SELECT enabled FROM automation_rule WHERE id = ?").param(id).query(Boolean.class).single()) {
      throw new InvalidInputException("AutomationRule.forcing: a disabled rule can't be forced; enable it too");
    }
  }

  private static boolean isJson(ConfigSet cs, String column) {
    return cs.fields().stream().anyMatch(f -> f.column().equals(column) && f.storedAsJson());
  }

  /** A recurring charge's fields together (trigger, calculation, rules) as daily maintenance will load them. */
  private void checkCharge(JdbcClient db, Map<String, Object> columns) {
    columns.putIfAbsent("id", 0L);
    org.openlms.app.automation.RecurringCharge.of(columns, automation::compile);
    Object type = columns.get("charge_type_id");
    if (type != null && db.sql("SELECT count(*) FROM charge_type WHERE id = ?").param(((Number) type).intValue())
        .query(Long.class).single() == 0) {
      throw new InvalidInputException("RecurringCharge.chargeTypeId: " + type + " is not a charge type of this tenant");
    }
  }

  /**
   * A rule's actions may name only portfolios, sub-portfolios and flags that exist, so that a night never meets
   * a dangling id (portfolios are deactivated, never deleted; a flag used by a rule cannot be deleted).
   */
  private static void requireTargetsExist(JdbcClient db, Map<String, Object> values) {
    Object actions = values.get("actions");
    if (actions == null) {
      return;
    }
    for (Object a : JSON.readValue(actions.toString(), List.class)) {
      Map<?, ?> m = (Map<?, ?>) a;
      if (m.get("customFieldId") instanceof Number field) {
        String type = db.sql("SELECT type FROM custom_field WHERE id = ?").param(field.longValue()).query(String.class)
            .optional().orElseThrow(() -> new InvalidInputException("AutomationRule.actions: setCustomField names "
                + "customFieldId " + field + ", which does not exist"));
        if (m.get("value") != null) {
          try {
            CustomFieldValues.canonical(type, m.get("value").toString());
          } catch (IllegalArgumentException e) {
            throw new InvalidInputException("AutomationRule.actions: setCustomField value: " + e.getMessage());
          }
        }
      }
      for (String[] t : new String[][] {{"portfolioId", "portfolio"}, {"subPortfolioId", "sub_portfolio"},
          {"flagId", "warning_flag"}, {"chargeTypeId", "charge_type"}}) {
        Object id = m.get(t[0]);
        if (id != null && db.sql("SELECT count(*) FROM " + t[1] + " WHERE id = ?").param(((Number) id).longValue())
            .query(Long.class).single() == 0) {
          throw new InvalidInputException("AutomationRule.actions: " + m.get("type") + " names " + t[0] + " " + id
              + ", which does not exist");
        }
      }
    }
  }

  /**
   * Rules may read only custom fields that exist (checked by name, with the position); a custom field's name is
   * one a rule can spell ({@code loan.custom["name"]}).
   */
  private static void requireCustomFields(JdbcClient db, ConfigSet cs, long id, Map<String, Object> values) {
    for (ConfigField f : cs.fields()) {
      boolean isRule = f.kind() == ConfigField.Kind.RULE || f.kind() == ConfigField.Kind.OPTIONAL_RULE;
      if (isRule && values.get(f.column()) instanceof String rule) {
        CustomFieldReferences.requireDefined(db, cs.type().substring("Entity.".length()) + "." + f.json(), rule);
      }
    }
    if (cs == ConfigSet.CUSTOM_FIELDS && values.get("name") instanceof String name) {
      if (name.isBlank() || name.strip().length() != name.length() || name.chars().anyMatch(Character::isISOControl)) {
        throw new InvalidInputException("CustomField.name: must not be blank, start or end with spaces, or hold "
            + "control characters");
      }
      if (db.sql("SELECT count(*) FROM custom_field WHERE name = ? AND id <> ?").params(name, id).query(Long.class)
          .single() > 0) {
        throw new InvalidInputException("CustomField.name: \"" + name + "\" is already a custom field of this tenant");
      }
    }
  }

  /** A custom field rules read keeps its name; its type changes only if every stored value parses as the new one. */
  private static void checkCustomFieldChange(JdbcClient db, long id, Map<String, Object> values) {
    Map<String, Object> current = db.sql("SELECT name, type FROM custom_field WHERE id = ?").param(id)
        .query((rs, n) -> Map.<String, Object>of("name", rs.getString(1), "type", rs.getString(2))).single();
    if (values.containsKey("name") && !values.get("name").equals(current.get("name"))) {
      requireUnread(db, (String) current.get("name"), "renamed");
    }
    Object type = values.get("type");
    if (type != null && !type.equals(current.get("type"))) {
      List<String> stored = db.sql("SELECT value FROM loan_custom_field_value WHERE custom_field_id = ?").param(id)
          .query(String.class).list();
      for (String v : stored) {
        try {
          CustomFieldValues.canonical((String) type, v);
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException("CustomField.type: a loan holds '" + FieldReader.clip(v) + "', and " + e.getMessage()
              + "; change or clear those values first");
        }
      }
    }
  }

  private static void requireUnread(JdbcClient db, String name, String what) {
    List<String> readers = CustomFieldReferences.readers(db, name);
    if (!readers.isEmpty()) {
      throw new InvalidInputException("CustomFields: \"" + name + "\" is read by " + readers + " and can't be " + what
          + "; change those rules first");
    }
  }

  /** Validates the whole body before anything is written; columns to values, in field order. */
  private Map<String, Object> read(ConfigSet cs, JsonNode body, boolean create) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("The request body must be a JSON object");
    }
    FieldReader r = new FieldReader(cs.type().substring("Entity.".length()), body);
    for (String name : body.propertyNames()) {
      boolean known = cs.fields().stream().anyMatch(f -> f.json().equals(name));
      if (!known && !List.of("__metadata", "__update", "__id", "id", "created", "lastUpdate").contains(name)) {
        r.fail(FieldReader.clip(name), "unknown field");
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ConfigField f : cs.fields()) {
      if (!body.has(f.json()) || body.get(f.json()).isNull()) {
        if (create && f.required()) {
          r.fail(f.json(), "is required");
        } else if (create && f.defaultValue() != null) {
          values.put(f.column(), f.defaultValue());
        }
        continue;
      }
      Object v = f.read(r, body);
      if (v != null) {
        values.put(f.column(), v);
      }
    }
    r.throwIfInvalid();
    for (ConfigField f : cs.fields()) {
      Object v = values.get(f.column());
      boolean isRule = f.kind() == ConfigField.Kind.RULE || f.kind() == ConfigField.Kind.OPTIONAL_RULE;
      if (isRule && v instanceof String s && !s.isBlank()) {
        automation.compile(cs.type().substring("Entity.".length()) + "." + f.json(), s);
      }
    }
    return values;
  }

  private static Map<String, Object> find(JdbcClient db, ConfigSet cs, long id) {
    return db.sql("SELECT * FROM " + cs.table() + " WHERE id = ?").param(id)
        .query((rs, n) -> view(cs, rs, base())).optional().orElseThrow(() -> new NotFoundException(cs.name()));
  }

  private static Map<String, Object> view(ConfigSet cs, ResultSet rs, String base) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    long id = rs.getLong("id");
    m.put("__metadata", Map.of("uri", base + cs.name() + "(id=" + id + ")", "type", cs.type()));
    m.put("id", id);
    for (ConfigField f : cs.fields()) {
      m.put(f.json(), f.show(rs.getObject(f.column())));
    }
    m.put("created", ODataFormat.date(rs.getTimestamp("created").toInstant()));
    m.put("lastUpdate", ODataFormat.date(rs.getTimestamp("last_update").toInstant()));
    return m;
  }

  /** Rules act on every loan of the tenant, so only an unrestricted token may change them (as portfolios). */
  static void requireUnrestricted(PortfolioRestriction pr) {
    if (pr.restricted()) {
      throw new InvalidInputException("Automation is tenant configuration: only an unrestricted token can create, "
          + "change or force it (this token is restricted to portfolios " + pr.describe() + ")");
    }
  }

  /** The set a request addresses: the path segment after {@code odata.svc/}, up to its key or end. */
  private static ConfigSet set(HttpServletRequest req) {
    String path = req.getRequestURI();
    String rest = path.substring(path.indexOf("odata.svc/") + "odata.svc/".length());
    return ConfigSet.ALL.stream().filter(s -> rest.startsWith(s.name())).findFirst()
        .orElseThrow(() -> new NotFoundException(rest));
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/public/api/1/odata.svc/").toUriString();
  }
}
