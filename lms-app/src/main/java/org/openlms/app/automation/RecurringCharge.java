package org.openlms.app.automation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.engine.fees.ChargeCalculation;
import org.openlms.engine.rules.CompiledRule;
import org.openlms.engine.rules.Fact;
import org.openlms.engine.rules.LoanFacts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recurring charge (LoanPro's RecurrentCharge), compiled: daily qualifying (its trigger rule is evaluated in
 * daily maintenance, first in the automation engine) or on an event (origination, activation, payment reversal
 * with its sub-types), an optional restriction rule that must also hold, and how much it is.
 */
public record RecurringCharge(long id, String title, String info, Trigger trigger, CompiledRule triggerRule,
    String event, String subEvent, CompiledRule restrictionRule, ChargeCalculation calculation, int chargeTypeId,
    String chargeApplicationType, boolean applyInNewLoans, boolean applyInExistingLoans, Instant created) {

  public static final String TRIGGER_PREFIX = "charge.recurring.triggertype.";
  public static final String EVENT_PREFIX = "charge.recurring.event.";
  public static final String CALC_PREFIX = "charge.recurring.calculation.";
  public static final String BASE_PREFIX = "charge.recurring.percentagebase.";
  /** The events this system raises; LoanPro's loanmodification needs a feature not built yet. */
  public static final List<String> EVENTS = List.of("origination", "loanactivation", "changeduedate",
      "paymentreversal");
  public static final List<String> SUB_EVENTS = List.of("nfs", "nonfs", "nachacode");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public enum Trigger { RULE, EVENT }

  /** Whether the charge applies to a loan created at {@code loanCreated} (new loans and existing ones apart). */
  boolean enrolls(Instant loanCreated) {
    return loanCreated.isAfter(created) ? applyInNewLoans : applyInExistingLoans;
  }

  /** Whether an event (with its sub-event, for payment reversals) fires this charge. */
  boolean firesOn(String ev, String sub) {
    return trigger == Trigger.EVENT && event.equals(ev) && (subEvent == null || subEvent.equals(sub));
  }

  /** The charge on a loan with these facts: zero when the base gives nothing. */
  BigDecimal amount(LoanFacts f) {
    return calculation.amount(new ChargeCalculation.Bases(f.money(Fact.STATUS_AMOUNT_PAST_DUE),
        f.money(Fact.STATUS_PRINCIPAL_BALANCE), f.money(Fact.STATUS_NEXT_PAYMENT_AMOUNT),
        f.money(Fact.SETUP_PAYMENT), f.money(Fact.SETUP_LOAN_AMOUNT)));
  }

  /** A charge row's stored columns to a definition, with every inconsistency named by its API field. */
  public static RecurringCharge of(Map<String, Object> c, RuleSource rules) {
    List<String> problems = new ArrayList<>();
    String triggerCode = (String) c.get("trigger_type");
    Trigger trigger = triggerCode == null ? null : switch (triggerCode.replace(TRIGGER_PREFIX, "")) {
      case "rule" -> Trigger.RULE;
      case "event" -> Trigger.EVENT;
      default -> null;
    };
    if (trigger == null) {
      problems.add("triggerType: must be " + TRIGGER_PREFIX + "rule (daily qualifying) or " + TRIGGER_PREFIX + "event");
    }
    CompiledRule triggerRule = null;
    String event = suffix(c.get("trigger_event"), EVENT_PREFIX);
    String sub = suffix(c.get("trigger_sub_event"), EVENT_PREFIX + "paymentreversal.");
    if (trigger == Trigger.RULE) {
      String rule = (String) c.get("trigger_rule");
      if (rule == null || rule.isBlank()) {
        problems.add("triggerRule: is required for a daily qualifying charge");
      } else {
        triggerRule = rules.compile("triggerRule", rule);
      }
      if (event != null) {
        problems.add("triggerEvent: only for trigger type event");
      }
    } else if (trigger == Trigger.EVENT) {
      if (event == null || !EVENTS.contains(event)) {
        problems.add("triggerEvent: must be one of " + EVENTS.stream().map(e -> EVENT_PREFIX + e).toList()
            + ("loanmodification".equals(event)
                ? " (" + event + " needs a feature this system does not have yet)" : ""));
      }
      if (c.get("trigger_rule") instanceof String s && !s.isBlank()) {
        problems.add("triggerRule: only for a daily qualifying charge; use restrictionRule to narrow an event");
      }
    }
    if (sub != null && (!"paymentreversal".equals(event) || !SUB_EVENTS.contains(sub))) {
      problems.add("triggerSubEvent: only for paymentreversal, one of "
          + SUB_EVENTS.stream().map(s -> EVENT_PREFIX + "paymentreversal." + s).toList());
    }
    String restriction = (String) c.get("restriction_rule");
    CompiledRule restrictionRule = restriction == null || restriction.isBlank() ? null
        : rules.compile("restrictionRule", restriction);
    if (Boolean.TRUE.equals(c.get("interest_bearing"))) {
      problems.add("interestBearing: interest-bearing charges are not modelled; send 0");
    }
    if (!"loan.latefeeapp.standard".equals(c.get("charge_application_type"))) {
      problems.add("chargeApplicationType: only loan.latefeeapp.standard is modelled");
    }
    ChargeCalculation calc = null;
    try {
      calc = calculation(c);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("RecurringCharge." + String.join("; RecurringCharge.", problems));
    }
    Object created = c.get("created");
    return new RecurringCharge(((Number) c.get("id")).longValue(), (String) c.get("title"), (String) c.get("info"),
        trigger, triggerRule, event, sub, restrictionRule, calc, ((Number) c.get("charge_type_id")).intValue(),
        (String) c.get("charge_application_type"), Boolean.TRUE.equals(c.get("apply_in_new_loan")),
        Boolean.TRUE.equals(c.get("apply_in_existing_loans")),
        created instanceof java.sql.Timestamp t ? t.toInstant() : Instant.now());
  }

  private static ChargeCalculation calculation(Map<String, Object> c) {
    String kind = suffix(c.get("calculation"), CALC_PREFIX);
    String baseCode = suffix(c.get("percentage_base"), BASE_PREFIX);
    ChargeCalculation.Base base = null;
    if (baseCode != null) {
      try {
        base = ChargeCalculation.Base.of(baseCode);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("percentageBase: must be one of " + java.util.Arrays.stream(
            ChargeCalculation.Base.values()).map(b -> BASE_PREFIX + b.code).toList());
      }
    }
    if (kind == null) {
      throw new IllegalArgumentException("calculation: must be " + CALC_PREFIX + "fixed, percentage or contingency");
    }
    return switch (kind) {
      case "fixed" -> {
        if (c.get("fixed_amount") == null) {
          throw new IllegalArgumentException("fixedAmount: is required for a fixed charge");
        }
        yield wrap("fixedAmount", () -> new ChargeCalculation.Fixed((BigDecimal) c.get("fixed_amount")));
      }
      case "percentage" -> {
        if (c.get("percentage") == null || base == null) {
          throw new IllegalArgumentException("percentage and percentageBase: are required for a percentage charge");
        }
        ChargeCalculation.Base b = base;
        yield wrap("percentage", () -> new ChargeCalculation.Percentage((BigDecimal) c.get("percentage"), b));
      }
      case "contingency" -> {
        if (c.get("brackets") == null || base == null) {
          throw new IllegalArgumentException("brackets and percentageBase: are required for a contingency charge");
        }
        ChargeCalculation.Base b = base;
        yield wrap("brackets", () -> new ChargeCalculation.Contingency(b, brackets(c.get("brackets").toString())));
      }
      default -> throw new IllegalArgumentException("calculation: must be " + CALC_PREFIX
          + "fixed, percentage or contingency");
    };
  }

  /** {@code [{"from":"0.01","to":"100.00","fixedAmount":"10.00"},{"from":"100.01","percentage":"5"}]} */
  private static List<ChargeCalculation.Bracket> brackets(String json) {
    JsonNode list = JSON.readTree(json);
    if (!list.isArray() || list.size() > 50) {
      throw new IllegalArgumentException("must be a list of at most 50 brackets");
    }
    List<ChargeCalculation.Bracket> out = new ArrayList<>();
    for (JsonNode b : list) {
      out.add(new ChargeCalculation.Bracket(decimal(b, "from"), decimal(b, "to"), decimal(b, "fixedAmount"),
          decimal(b, "percentage")));
    }
    return out;
  }

  private static BigDecimal decimal(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      if (v.isNumber()) {
        return v.decimalValue();
      }
      if (v.isString() && v.asString().length() <= 30) {
        return new BigDecimal(v.asString());
      }
      throw new NumberFormatException();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " is not a number");
    }
  }

  private static ChargeCalculation wrap(String field, java.util.function.Supplier<ChargeCalculation> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage());
    }
  }

  private static String suffix(Object code, String prefix) {
    if (!(code instanceof String s) || s.isBlank()) {
      return null;
    }
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  /** Compiles a rule field or throws a 409 naming it (the controller) or skips it (a stored row, loudly). */
  @FunctionalInterface
  public interface RuleSource {
    CompiledRule compile(String field, String rule);
  }
}
