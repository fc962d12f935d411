/**
 * The automation engine: the tenant's recurring charges and rules with their actions in its evaluation order,
 * stoplights and warning flags, run as steps 2 to 4 of daily maintenance and, for rules marked so, in real time
 * when a loan changes (recurring charges on events: activation and payment reversals).
 * Owns the configuration tables (automation_rule, stoplight_rule, warning_flag, recurring_charge), what they did
 * to each loan (automation_applied, loan_flag, loan_flag_archive, automation_error) and the stoplight setting.
 * Rules are compiled by the engine ({@code org.openlms.engine.rules}) once per configuration version, never per
 * loan. It must not change a loan's money except through the servicing model's charges and adjustments
 * ({@code loan.MaintainedDay} in maintenance, {@code LoanServicing} in real time).
 */
package org.openlms.app.automation;
