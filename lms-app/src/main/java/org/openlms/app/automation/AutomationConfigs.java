package org.openlms.app.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openlms.app.customfield.CustomFieldValues;
import org.openlms.engine.rules.CompiledRule;
import org.openlms.engine.rules.RuleCompiler;
import org.openlms.engine.rules.RuleRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each tenant's compiled configuration, compiled once per configuration version (every management write bumps
 * {@code automation_version}), so a run of a million loans compiles its rules once, not per loan or chunk.
 */
@Component
public class AutomationConfigs {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AutomationConfigs.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RuleCompiler compiler = new RuleCompiler();
  private final Map<Long, AutomationConfig> cache = new ConcurrentHashMap<>();

  public RuleCompiler compiler() {
    return compiler;
  }

  /** The configuration in force for the tenant whose database {@code db} is. */
  public AutomationConfig current(long tenantId, JdbcClient db) {
    long version = db.sql("SELECT version FROM automation_version").query(Long.class).single();
    AutomationConfig c = cache.get(tenantId);
    if (c != null && c.version() == version) {
      return c;
    }
    AutomationConfig loaded = load(db, version);
    cache.put(tenantId, loaded);
    return loaded;
  }

  /** Marks the tenant's configuration changed (in the caller's transaction). */
  public static void bump(JdbcClient db) {
    db.sql("UPDATE automation_version SET version = version + 1").update();
  }

  private AutomationConfig load(JdbcClient db, long version) {
    List<RecurringCharge> charges = new ArrayList<>();
    db.sql("SELECT * FROM recurring_charge WHERE is_enabled ORDER BY eval_order, id").query((rs, n) -> {
      try {
        charges.add(RecurringCharge.of(columns(rs), (field, rule) -> {
          try {
            return compiler.compile(rule);
          } catch (RuleRejectedException e) {
            throw new IllegalStateException(field + " no longer compiles: " + e.getMessage(), e);
          }
        }));
      } catch (RuntimeException e) { // a rule that no longer compiles, or a row changed by hand
        LOG.error("Recurring charge {} is skipped: {}", rs.getLong("id"), e.getMessage());
      }
      return null;
    }).list();
    Map<Long, String[]> fields = new java.util.HashMap<>();
    db.sql("SELECT id, name, type FROM custom_field").query((rs, n) -> fields.put(rs.getLong(1),
        new String[] {rs.getString(2), rs.getString(3)})).list();
    List<AutomationConfig.Rule> rules = new ArrayList<>();
    db.sql("SELECT * FROM automation_rule WHERE enabled ORDER BY eval_order, id").query((rs, n) -> {
      CompiledRule c = compile(rs, "rule");
      if (c != null) {
        rules.add(new AutomationConfig.Rule(rs.getLong("id"), rs.getString("name"), c,
            rs.getBoolean("eval_in_daily_maint"), rs.getBoolean("eval_in_real_time"), rs.getBoolean("enroll_new_loans"),
            rs.getBoolean("enroll_existing_loans"), rs.getTimestamp("created").toInstant(),
            RuleActions.read(JSON.readTree(rs.getString("actions"))).stream().map(a -> resolve(a, fields)).toList()));
      }
      return null;
    }).list();
    List<AutomationConfig.Stoplight> stoplights = new ArrayList<>();
    db.sql("SELECT * FROM stoplight_rule WHERE enabled ORDER BY priority, id").query((rs, n) -> {
      CompiledRule c = compile(rs, "rule");
      if (c != null) {
        stoplights.add(new AutomationConfig.Stoplight(rs.getLong("id"), rs.getString("color"), rs.getInt("priority"), c));
      }
      return null;
    }).list();
    List<AutomationConfig.Flag> flags = new ArrayList<>();
    db.sql("SELECT * FROM warning_flag WHERE enabled ORDER BY id").query((rs, n) -> {
      String rule = rs.getString("rule");
      CompiledRule c = rule == null || rule.isBlank() ? null : compile(rs, "rule");
      if (c != null || rule == null || rule.isBlank()) {
        flags.add(new AutomationConfig.Flag(rs.getLong("id"), rs.getString("name"), c));
      }
      return null;
    }).list();
    return new AutomationConfig(version, List.copyOf(charges), List.copyOf(rules), List.copyOf(stoplights),
        List.copyOf(flags));
  }

  /** A custom field action with its field's name and its value's stored form (checked when the rule was saved). */
  private static RuleAction resolve(RuleAction a, Map<Long, String[]> fields) {
    if (!(a instanceof RuleAction.SetCustomField s)) {
      return a;
    }
    String[] f = fields.get(s.customFieldId());
    if (f == null) { // deleted by hand: the action changes nothing
      return s;
    }
    try {
      return s.resolved(f[0], s.value() == null ? null : CustomFieldValues.canonical(f[1], s.value()));
    } catch (IllegalArgumentException e) { // the field's type changed under the rule
      LOG.error("Custom field action of a rule on field {} is skipped: {}", s.customFieldId(), e.getMessage());
      return s;
    }
  }

  /** A row as column name to value (the shape {@link RecurringCharge#of} checks, from the API or the table). */
  public static Map<String, Object> columns(ResultSet rs) throws SQLException {
    Map<String, Object> m = new java.util.HashMap<>();
    java.sql.ResultSetMetaData md = rs.getMetaData();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      m.put(md.getColumnLabel(i), rs.getObject(i));
    }
    return m;
  }

  /** Saved rules were checked when saved; one that no longer compiles (a fact renamed) is left out, loudly. */
  private CompiledRule compile(ResultSet rs, String column) throws SQLException {
    try {
      return compiler.compile(rs.getString(column));
    } catch (RuleRejectedException e) {
      LOG.error("Automation rule {} no longer compiles and is skipped: {}", rs.getLong("id"), e.getMessage());
      return null;
    }
  }
}
