/**
 * Owns the loan terms (LoanPro's LoanSetup inputs), their enumerations with LoanPro codes, and validation that
 * names the field and the reason. It does not compute schedules or balances.
 */
package org.openlms.engine.terms;
