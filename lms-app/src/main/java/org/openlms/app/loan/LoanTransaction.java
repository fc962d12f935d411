package org.openlms.app.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a loan's transaction list, as LoanPro shows it: the origination, posted payments and charges,
 * and the scheduled payments still to come ({@code future}). Amounts are in cents; zero where not relevant.
 */
public record LoanTransaction(String txId, String type, String title, LocalDate date, int period,
    LocalDate periodStart, LocalDate periodEnd, Long paymentId, BigDecimal paymentAmount, BigDecimal paymentInterest,
    BigDecimal paymentPrincipal, BigDecimal paymentFees, BigDecimal chargeAmount, BigDecimal principalBalance,
    boolean future, boolean infoOnly) {}
