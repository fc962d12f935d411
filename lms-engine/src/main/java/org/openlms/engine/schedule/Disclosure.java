package org.openlms.engine.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The LoanSetup read-back figures: regular {@code payment}, {@code origFinalPaymentDate},
 * {@code origFinalPaymentAmount}, {@code tilFinanceCharge}, {@code tilTotalOfPayments} and {@code apr}
 * (percent, 3 decimals, Regulation Z appendix J actuarial method).
 */
public record Disclosure(
        BigDecimal payment,
        LocalDate origFinalPaymentDate,
        BigDecimal origFinalPaymentAmount,
        BigDecimal tilFinanceCharge,
        BigDecimal tilTotalOfPayments,
        BigDecimal tilLoanAmount,
        BigDecimal apr) {
}
