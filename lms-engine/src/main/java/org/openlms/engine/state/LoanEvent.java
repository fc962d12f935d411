package org.openlms.engine.state;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Something that happened to a loan on a day, for notifications and rules. */
public sealed interface LoanEvent {
    LocalDate date();

    /** Installment {@code number} (1-based) came due for {@code amount} after any prepaid credit. */
    record InstallmentDue(LocalDate date, int number, BigDecimal amount) implements LoanEvent {
    }

    /** A late fee was charged for installment {@code number}. */
    record LateFeeAssessed(LocalDate date, int number, BigDecimal amount) implements LoanEvent {
    }

    /** Principal, interest and fees all reached zero during a day step (a payment that pays off shows in its state). */
    record PaidOff(LocalDate date) implements LoanEvent {
    }
}
