/**
 * The pure loan engine: terms, schedules, accrual, payments, late fees, past due, payoff and the day step.
 * It owns every number a borrower sees and must not touch Spring, JDBC, HTTP, the clock or thread-locals:
 * inputs in, values out.
 */
package org.openlms.engine;
