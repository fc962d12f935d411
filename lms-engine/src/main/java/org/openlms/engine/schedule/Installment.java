package org.openlms.engine.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One scheduled period. Interest accrues on the days {@code periodStart..dueDate} inclusive ({@code days} of them)
 * at {@code dailyRate} per day of principal (for rule78, {@code interest} is precomputed and spread over the days).
 * {@code payment} is the scheduled amount, {@code balance} the principal after it.
 */
public record Installment(
        int number,
        LocalDate periodStart,
        LocalDate dueDate,
        int days,
        boolean regular,
        BigDecimal dailyRate,
        BigDecimal payment,
        BigDecimal interest,
        BigDecimal principal,
        BigDecimal balance) {
}
