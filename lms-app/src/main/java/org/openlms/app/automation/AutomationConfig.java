package org.openlms.app.automation;

import java.time.Instant;
import java.util.List;
import org.openlms.engine.rules.CompiledRule;

/**
 * A tenant's automation configuration at one version, compiled: recurring charges and rules in evaluation order,
 * stoplight rules in priority order and warning flags. Immutable and shared by every chunk of a run.
 */
public record AutomationConfig(long version, List<RecurringCharge> charges, List<Rule> rules,
    List<Stoplight> stoplights, List<Flag> flags) {

  public static final AutomationConfig EMPTY = new AutomationConfig(-1, List.of(), List.of(), List.of(), List.of());

  public boolean isEmpty() {
    return charges.isEmpty() && rules.isEmpty() && stoplights.isEmpty() && flags.isEmpty();
  }

  /** An automation rule (LoanPro's Rules Applied). */
  public record Rule(long id, String name, CompiledRule condition, boolean inDailyMaintenance, boolean inRealTime,
      boolean enrollNewLoans, boolean enrollExistingLoans, Instant created, List<RuleAction> actions) {

    /** New loans (created after the rule) and existing ones are enrolled separately, as in LoanPro. */
    boolean enrolls(Instant loanCreated) {
      return loanCreated.isAfter(created) ? enrollNewLoans : enrollExistingLoans;
    }
  }

  public record Stoplight(long id, String color, int priority, CompiledRule condition) {}

  /** A warning flag; without a rule it is set and cleared only by hand or by rule actions. */
  public record Flag(long id, String name, CompiledRule condition) {}
}
