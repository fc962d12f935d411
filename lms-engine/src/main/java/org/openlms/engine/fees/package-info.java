/**
 * Owns fees: late fees (when one is charged, lateFeeCalc, and how much, lateFeeType; the day step decides the date,
 * due date + graceDays + 1, and posts the fee) and charges put on a loan by hand or by automation, which become
 * due fees on their date. Payments pay both first, as fees.
 */
package org.openlms.engine.fees;
