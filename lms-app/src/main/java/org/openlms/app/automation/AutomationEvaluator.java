package org.openlms.app.automation;

import org.openlms.engine.rules.CompiledRule;
import org.openlms.engine.rules.Fact;
import org.openlms.engine.rules.RuleEvaluationException;

/**
 * Runs a tenant's configuration over one loan, in the seed's order: recurring charges, rules (each seeing the
 * changes of the ones before it), then stoplights, then warning flags. Pure over the loan's facts: nothing is stored here.
 */
public final class AutomationEvaluator {

  public static final String RECURRING_CHARGE = "recurringCharge";
  public static final String RULE = "rule";
  public static final String STOPLIGHT = "stoplight";
  public static final String FLAG = "warningFlag";

  /** Daily maintenance evaluates the rules marked for it; a change through the API, those marked real time. */
  public enum Mode {
    DAILY_MAINTENANCE("dailyMaintenance"), REAL_TIME("realTime"), FORCE("force");

    public final String code;

    Mode(String code) {
      this.code = code;
    }
  }

  private AutomationEvaluator() {}

  public static void all(AutomationConfig config, AutomatedLoan loan, Mode mode) {
    if (mode == Mode.DAILY_MAINTENANCE) {
      recurringCharges(config, loan);
    }
    rules(config, loan, mode);
    stoplight(config, loan);
    flags(config, loan);
  }

  /** Daily qualifying recurring charges, in order: each whose trigger and restriction rules hold is put on. */
  public static void recurringCharges(AutomationConfig config, AutomatedLoan loan) {
    for (RecurringCharge c : config.charges()) {
      if (c.trigger() == RecurringCharge.Trigger.RULE && c.enrolls(loan.created())
          && holds(c.triggerRule(), loan, RECURRING_CHARGE, c.id(), c.title())) {
        charge(c, loan);
      }
    }
  }

  /**
   * The recurring charges an event fires ({@code event} one of {@link RecurringCharge#EVENTS}; {@code subEvent}
   * nfs, nonfs or nachacode for a payment reversal), each if its restriction rule holds.
   */
  public static void event(AutomationConfig config, AutomatedLoan loan, String event, String subEvent) {
    for (RecurringCharge c : config.charges()) {
      if (c.firesOn(event, subEvent) && c.enrolls(loan.created())) {
        charge(c, loan);
      }
    }
  }

  private static void charge(RecurringCharge c, AutomatedLoan loan) {
    if (c.restrictionRule() != null && !holds(c.restrictionRule(), loan, RECURRING_CHARGE, c.id(), c.title())) {
      return;
    }
    java.math.BigDecimal amount = c.amount(loan.facts());
    if (amount.signum() > 0) {
      loan.apply(RECURRING_CHARGE, c.id(), c.title(), new RuleAction.AddCharge(amount, c.chargeTypeId(),
          c.info() != null ? c.info() : c.title()));
    }
  }

  public static void rules(AutomationConfig config, AutomatedLoan loan, Mode mode) {
    for (AutomationConfig.Rule r : config.rules()) {
      boolean wanted = mode == Mode.DAILY_MAINTENANCE ? r.inDailyMaintenance() : r.inRealTime();
      if (wanted && r.enrolls(loan.created()) && holds(r.condition(), loan, RULE, r.id(), r.name())) {
        for (RuleAction a : r.actions()) {
          loan.apply(RULE, r.id(), r.name(), a);
        }
      }
    }
  }

  /** One rule on its own (a force): applied if it enrolls the loan and holds, whatever its evaluation marks. */
  public static void rule(AutomationConfig.Rule r, AutomatedLoan loan) {
    if (r.enrolls(loan.created()) && holds(r.condition(), loan, RULE, r.id(), r.name())) {
      for (RuleAction a : r.actions()) {
        loan.apply(RULE, r.id(), r.name(), a);
      }
    }
  }

  /** The first stoplight rule that holds, by priority; green when none does; a manual stoplight stays. */
  public static void stoplight(AutomationConfig config, AutomatedLoan loan) {
    if (loan.manualStoplight() || config.stoplights().isEmpty()) {
      return;
    }
    for (AutomationConfig.Stoplight s : config.stoplights()) {
      if (holds(s.condition(), loan, STOPLIGHT, s.id(), s.color())) {
        loan.apply(STOPLIGHT, s.id(), s.color(), new RuleAction.SetStoplight(s.color()));
        return;
      }
    }
    loan.apply(STOPLIGHT, 0, "green", new RuleAction.SetStoplight("green"));
  }

  /** Each flag with a rule is set while its rule holds and cleared when it stops holding. */
  public static void flags(AutomationConfig config, AutomatedLoan loan) {
    for (AutomationConfig.Flag f : config.flags()) {
      if (f.condition() == null) {
        continue;
      }
      try {
        boolean on = f.condition().test(loan.facts());
        boolean set = loan.facts().ids(Fact.SETTINGS_FLAGS).contains(f.id());
        if (on != set) {
          loan.apply(FLAG, f.id(), f.name(), new RuleAction.Membership(RuleAction.Membership.Kind.FLAG, on, f.id()));
        }
      } catch (RuleEvaluationException e) {
        loan.fail(FLAG, f.id(), f.name(), e.getMessage());
      }
    }
  }

  private static boolean holds(CompiledRule condition, AutomatedLoan loan, String source, long id, String name) {
    try {
      return condition.test(loan.facts());
    } catch (RuleEvaluationException e) {
      loan.fail(source, id, name, e.getMessage());
      return false;
    }
  }
}
