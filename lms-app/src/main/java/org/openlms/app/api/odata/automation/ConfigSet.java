package org.openlms.app.api.odata.automation;

import static org.openlms.app.api.odata.automation.ConfigField.flag;
import static org.openlms.app.api.odata.automation.ConfigField.text;

import java.util.List;
import org.openlms.app.api.odata.query.ODataEntity;
import org.openlms.app.api.odata.query.ODataType;

/** A configuration entity set: its names, its table and its fields, in the order the API shows them. */
record ConfigSet(String name, String type, String table, List<ConfigField> fields) {

  static final ConfigSet RULES = new ConfigSet("AutomationRules", "Entity.AutomationRule", "automation_rule",
      List.of(text("name", "name", true), new ConfigField("rule", "rule", ConfigField.Kind.RULE, true, null),
          flag("enabled", "enabled", true), flag("evalInRealTime", "eval_in_real_time", false),
          flag("evalInDailyMaint", "eval_in_daily_maint", true), flag("enrollNewLoans", "enroll_new_loans", true),
          flag("enrollExistingLoans", "enroll_existing_loans", true), flag("forcing", "forcing", false),
          new ConfigField("order", "eval_order", ConfigField.Kind.INT, false, null),
          new ConfigField("actions", "actions", ConfigField.Kind.ACTIONS, true, null)));

  static final ConfigSet STOPLIGHTS = new ConfigSet("StoplightRules", "Entity.StoplightRule", "stoplight_rule",
      List.of(text("name", "name", true), new ConfigField("rule", "rule", ConfigField.Kind.RULE, true, null),
          new ConfigField("color", "color", ConfigField.Kind.STOPLIGHT_COLOR, true, null),
          new ConfigField("priority", "priority", ConfigField.Kind.INT, true, null),
          flag("enabled", "enabled", true)));

  static final ConfigSet FLAGS = new ConfigSet("WarningFlags", "Entity.WarningFlag", "warning_flag",
      List.of(text("name", "name", true), text("color", "color", true), text("description", "description", false),
          new ConfigField("rule", "rule", ConfigField.Kind.OPTIONAL_RULE, false, ""),
          flag("enabled", "enabled", true)));

  static final List<ConfigSet> ALL = List.of(RULES, STOPLIGHTS, FLAGS);

  ODataEntity entity() {
    ODataEntity.Builder b = ODataEntity.builder(name, type, table, "id").property("id", "id", ODataType.INTEGER);
    fields.stream().filter(f -> f.kind() != ConfigField.Kind.ACTIONS)
        .forEach(f -> b.property(f.json(), f.odataColumn(), f.odataType()));
    return b.property("created", "created", ODataType.DATETIME).property("lastUpdate", "last_update", ODataType.DATETIME)
        .build();
  }
}
