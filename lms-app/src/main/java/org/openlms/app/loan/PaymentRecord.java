package org.openlms.app.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A logged payment. {@code application} is a custom waterfall (LoanPro application codes, comma separated) or
 * null for the payment type's; the applied amounts are what the last replay did with it.
 */
public record PaymentRecord(long id, long loanId, LocalDate date, BigDecimal amount, String info,
    int paymentTypeId, int paymentMethodId, String extra, boolean principalOnly, String application,
    boolean active, String reverseReason, LocalDate reverseDate, BigDecimal appliedFees,
    BigDecimal appliedInterest, BigDecimal appliedPrincipal, Instant created) {}
