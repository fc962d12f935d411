/**
 * Owns late fees: when one is charged (lateFeeCalc) and how much (lateFeeType). The day step decides the date
 * (due date + graceDays + 1) and posts the fee; this package only judges and prices it.
 */
package org.openlms.engine.fees;
