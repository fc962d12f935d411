package org.openlms.app.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openlms.app.errors.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule's actions as clients send them ({@code [{"type":"setStatus","loanStatusId":2,...}]} or wrapped as
 * {@code {"results":[...]}}) and as they are stored. Every problem names the action and field.
 */
public final class RuleActions {

  public static final int MAX_ACTIONS = 20;

  private RuleActions() {}

  public static List<RuleAction> read(JsonNode node) {
    JsonNode list = node != null && node.isObject() && node.has("results") ? node.get("results") : node;
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new InvalidInputException("actions: must be a non-empty list of actions");
    }
    if (list.size() > MAX_ACTIONS) {
      throw new InvalidInputException("actions: at most " + MAX_ACTIONS + " actions per rule");
    }
    List<RuleAction> actions = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      actions.add(one(list.get(i), "actions[" + i + "]"));
    }
    return List.copyOf(actions);
  }

  private static RuleAction one(JsonNode a, String where) {
    if (a == null || !a.isObject() || a.get("type") == null || !a.get("type").isString()) {
      throw new InvalidInputException(where + ": must be an object with a \"type\"");
    }
    String type = a.get("type").asString();
    return switch (type) {
      case "setStatus" -> {
        only(a, where, Set.of("loanStatusId", "loanSubStatusId"));
        yield new RuleAction.SetStatus(id(a, "loanStatusId", where), id(a, "loanSubStatusId", where));
      }
      case "addCharge" -> {
        only(a, where, Set.of("amount", "chargeTypeId", "info"));
        yield new RuleAction.AddCharge(amount(a, where), a.has("chargeTypeId") ? (int) id(a, "chargeTypeId", where) : 5,
            info(a, where));
      }
      case "chargeOff" -> {
        only(a, where, Set.of("loanStatusId", "loanSubStatusId"));
        yield new RuleAction.ChargeOff(id(a, "loanStatusId", where), id(a, "loanSubStatusId", where));
      }
      case "stopInterest", "resumeInterest", "resetPastDue" -> {
        only(a, where, Set.of());
        yield new RuleAction.Adjust(switch (type) {
          case "stopInterest" -> org.openlms.engine.state.Adjustment.Kind.STOP_INTEREST;
          case "resumeInterest" -> org.openlms.engine.state.Adjustment.Kind.RESUME_INTEREST;
          default -> org.openlms.engine.state.Adjustment.Kind.RESET_PAST_DUE;
        });
      }
      case "setCustomField" -> {
        only(a, where, Set.of("customFieldId", "value"));
        JsonNode v = a.get("value");
        if (v == null || !(v.isNull() || v.isString() || v.isNumber() || v.isBoolean())) {
          throw new InvalidInputException(where + ".value: must be a string, a number, a boolean or null (clears)");
        }
        yield new RuleAction.SetCustomField(id(a, "customFieldId", where), null,
            org.openlms.app.customfield.CustomFieldValues.text(v));
      }
      case "enableAutopay", "disableAutopay" -> {
        only(a, where, Set.of());
        yield new RuleAction.SetAutopay(type.equals("enableAutopay"));
      }
      default -> membership(a, type, where);
    };
  }

  private static RuleAction membership(JsonNode a, String type, String where) {
    for (RuleAction.Membership.Kind kind : RuleAction.Membership.Kind.values()) {
      for (boolean add : new boolean[] {true, false}) {
        if (type.equals((add ? "add" : "remove") + kind.noun)
            || kind == RuleAction.Membership.Kind.FLAG && type.equals((add ? "set" : "clear") + "Flag")) {
          only(a, where, Set.of(kind.idField));
          return new RuleAction.Membership(kind, add, id(a, kind.idField, where));
        }
      }
    }
    throw new InvalidInputException(where + ".type: unknown action '" + clip(type) + "'; expected one of "
        + "setStatus, addCharge, chargeOff, stopInterest, resumeInterest, resetPastDue, addPortfolio, removePortfolio, addSubPortfolio, removeSubPortfolio, setFlag, clearFlag, "
        + "setCustomField, enableAutopay, disableAutopay");
  }

  private static void only(JsonNode a, String where, Set<String> fields) {
    for (String name : a.propertyNames()) {
      if (!name.equals("type") && !fields.contains(name)) {
        throw new InvalidInputException(where + "." + clip(name) + ": unknown field for " + a.get("type").asString());
      }
    }
  }

  private static long id(JsonNode a, String field, String where) {
    JsonNode v = a.get(field);
    if (v != null && v.isIntegralNumber() && v.canConvertToLong() && v.asLong() > 0) {
      return v.asLong();
    }
    if (v != null && v.isString() && v.asString().matches("[1-9][0-9]{0,17}")) {
      return Long.parseLong(v.asString());
    }
    throw new InvalidInputException(where + "." + field + ": must be a positive id");
  }

  private static java.math.BigDecimal amount(JsonNode a, String where) {
    JsonNode v = a.get("amount");
    try {
      java.math.BigDecimal d = v == null ? null : v.isNumber() ? v.decimalValue()
          : v.isString() && v.asString().length() <= 20 ? new java.math.BigDecimal(v.asString().strip()) : null;
      if (d != null && d.signum() > 0 && d.stripTrailingZeros().scale() <= 2
          && d.compareTo(new java.math.BigDecimal("1000000000")) < 0) {
        return d.setScale(2);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(where + ".amount: must be a positive amount in cents, below 1,000,000,000");
  }

  private static String info(JsonNode a, String where) {
    JsonNode v = a.get("info");
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString() || v.asString().length() > 200) {
      throw new InvalidInputException(where + ".info: must be text of at most 200 characters");
    }
    return v.asString();
  }

  private static String clip(String s) {
    return org.openlms.app.api.odata.FieldReader.clip(s);
  }
}
