package org.openlms.app.maintenance.step;

/**
 * The stages of daily maintenance in the documented order; a stage with no step bean is an empty stage.
 * What each will need is written here so that the issues that fill them know their place.
 */
public enum MaintenanceStage {
  /** The day's values, accrued interest and late fees: the engine's day step behind {@link DayCalculator}. */
  CALCULATOR,
  /** Automation engine, part 1: recurring charges due on the business date. */
  RECURRING_CHARGES,
  /** Automation engine, part 2: the tenant's rules in its evaluation order, each seeing earlier changes. */
  RULES,
  /** Stoplights, from the loan's state after the automation engine. */
  STOPLIGHTS,
  /** Warning flags, likewise. */
  WARNING_FLAGS,
  /** Notification engine: intents for emails, SMS, mail house and webhooks, added as outbox events. */
  NOTIFICATIONS
}
