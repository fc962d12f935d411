/**
 * Owns a loan's day-to-day state and the day step: accrual, installments coming due, late fees, past due,
 * payoff and every StatusArchive value the engine can know. Pure: the business date is an argument, never
 * read from a clock. Payments are applied by the payment package; replay lives in the replay package.
 */
package org.openlms.engine.state;
