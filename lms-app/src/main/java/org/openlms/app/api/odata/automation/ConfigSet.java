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

  /** LoanPro's RecurrentCharge fields; {@code brackets} (the contingency table) and applyInExistingLoans are ours. */
  static final ConfigSet CHARGES = new ConfigSet("RecurringCharges", "Entity.RecurringCharge", "recurring_charge",
      List.of(text("title", "title", true), text("info", "info", false),
          text("triggerType", "trigger_type", true), text("triggerEvent", "trigger_event", false),
          text("triggerSubEvent", "trigger_sub_event", false),
          new ConfigField("triggerRule", "trigger_rule", ConfigField.Kind.OPTIONAL_RULE, false, null),
          new ConfigField("restrictionRule", "restriction_rule", ConfigField.Kind.OPTIONAL_RULE, false, null),
          text("calculation", "calculation", true),
          new ConfigField("fixedAmount", "fixed_amount", ConfigField.Kind.DECIMAL, false, null),
          new ConfigField("percentage", "percentage", ConfigField.Kind.DECIMAL, false, null),
          text("percentageBase", "percentage_base", false),
          new ConfigField("brackets", "brackets", ConfigField.Kind.JSON, false, null),
          new ConfigField("chargeTypeId", "charge_type_id", ConfigField.Kind.INT, false, 5),
          new ConfigField("chargeApplicationType", "charge_application_type", ConfigField.Kind.TEXT, false,
              "loan.latefeeapp.standard"),
          flag("interestBearing", "interest_bearing", false), flag("isEnabled", "is_enabled", true),
          flag("applyInNewLoan", "apply_in_new_loan", true),
          flag("applyInExistingLoans", "apply_in_existing_loans", true),
          new ConfigField("order", "eval_order", ConfigField.Kind.INT, false, null)));

  /** Loan custom fields: rules read them as {@code loan.custom["name"]}; values are set through LoanSettings. */
  static final ConfigSet CUSTOM_FIELDS = new ConfigSet("CustomFields", "Entity.CustomField", "custom_field",
      List.of(text("name", "name", true),
          new ConfigField("type", "type", ConfigField.Kind.CUSTOM_FIELD_TYPE, false, "text"),
          text("description", "description", false)));

  static final List<ConfigSet> ALL = List.of(RULES, STOPLIGHTS, FLAGS, CHARGES, CUSTOM_FIELDS);

  ODataEntity entity() {
    ODataEntity.Builder b = ODataEntity.builder(name, type, table, "id").property("id", "id", ODataType.INTEGER);
    fields.stream().filter(f -> !f.storedAsJson())
        .forEach(f -> b.property(f.json(), f.odataColumn(), f.odataType()));
    return b.property("created", "created", ODataType.DATETIME).property("lastUpdate", "last_update", ODataType.DATETIME)
        .build();
  }
}
