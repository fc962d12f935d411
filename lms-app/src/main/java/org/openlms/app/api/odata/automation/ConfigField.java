package org.openlms.app.api.odata.automation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.api.odata.query.ODataType;
import org.openlms.app.automation.RuleActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One field of a configuration entity: its JSON name, its column, how it is read and checked, and its default.
 */
record ConfigField(String json, String column, Kind kind, boolean required, Object defaultValue) {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> COLORS = Set.of("green", "yellow", "red");
  private static final Set<String> FIELD_TYPES = Set.of("text", "number", "date", "boolean");

  enum Kind { TEXT, RULE, OPTIONAL_RULE, FLAG, INT, STOPLIGHT_COLOR, CUSTOM_FIELD_TYPE, ACTIONS, DECIMAL, JSON }

  static ConfigField text(String json, String column, boolean required) {
    return new ConfigField(json, column, Kind.TEXT, required, null);
  }

  static ConfigField flag(String json, String column, boolean dflt) {
    return new ConfigField(json, column, Kind.FLAG, false, dflt);
  }

  ODataType odataType() {
    return switch (kind) {
      case FLAG, INT -> ODataType.INTEGER;
      case DECIMAL -> ODataType.DECIMAL;
      default -> ODataType.STRING;
    };
  }

  /** Stored as JSON (not a filterable column). */
  boolean storedAsJson() {
    return kind == Kind.ACTIONS || kind == Kind.JSON;
  }

  String odataColumn() {
    return kind == Kind.FLAG ? column + "::int" : column;
  }

  /** The value to store, or null after recording a problem with {@code r} (rules are checked by the caller). */
  Object read(FieldReader r, JsonNode body) {
    return switch (kind) {
      case TEXT, RULE, OPTIONAL_RULE -> {
        String s = r.text(json, kind == Kind.TEXT ? 1000 : org.openlms.engine.rules.RuleCompiler.MAX_LENGTH);
        if (s != null && s.isBlank() && kind != Kind.OPTIONAL_RULE) {
          r.fail(json, "must not be empty");
        }
        yield s;
      }
      case FLAG -> r.flag(json);
      case INT -> {
        Integer i = r.integer(json);
        if (i != null && (i < 0 || i > 1_000_000)) {
          r.fail(json, "must be between 0 and 1000000");
          yield null;
        }
        yield i;
      }
      case STOPLIGHT_COLOR -> {
        String s = r.text(json, 100);
        String c = s == null ? null : s.strip().toLowerCase(Locale.ROOT).replace("stoplight.display.", "");
        if (s != null && !COLORS.contains(c)) {
          r.fail(json, "must be green, yellow or red (or stoplight.display.green...)");
          yield null;
        }
        yield c;
      }
      case CUSTOM_FIELD_TYPE -> {
        String s = r.text(json, 100);
        String t = s == null ? null : s.strip().toLowerCase(Locale.ROOT);
        if (s != null && !FIELD_TYPES.contains(t)) {
          r.fail(json, "must be text, number, date or boolean");
          yield null;
        }
        yield t;
      }
      case DECIMAL -> r.decimal(json);
      case JSON -> {
        JsonNode v = body.get(json);
        if (!v.isArray() || v.toString().length() > 10_000) {
          r.fail(json, "must be a list (at most 10,000 characters)");
          yield null;
        }
        yield v.toString();
      }
      case ACTIONS -> JSON.writeValueAsString(RuleActions.read(body.get(json)).stream()
          .map(org.openlms.app.automation.RuleAction::json).toList());
    };
  }

  /** The stored value as the API shows it. */
  Object show(Object stored) {
    if (stored == null) {
      return null;
    }
    return switch (kind) {
      case FLAG -> Boolean.TRUE.equals(stored) ? 1 : 0;
      case ACTIONS -> java.util.Map.of("results", JSON.readValue(stored.toString(), List.class));
      case JSON -> JSON.readValue(stored.toString(), List.class);
      case DECIMAL -> ((java.math.BigDecimal) stored).toPlainString(); // money as strings, as LoanPro
      default -> stored;
    };
  }
}
