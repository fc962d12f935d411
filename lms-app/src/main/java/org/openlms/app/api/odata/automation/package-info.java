/**
 * The automation engine's management API in LoanPro's style: the entity sets {@code AutomationRules},
 * {@code StoplightRules} and {@code WarningFlags} (create, read with OData options, update, delete), the dry
 * run {@code Loans(id)/Autopal.EvaluateRules()}, and per loan what the engine did
 * ({@code Loans(id)/AutomationApplied}, {@code Loans(id)/Autopal.GetFlagArchiveReport}).
 */
package org.openlms.app.api.odata.automation;
