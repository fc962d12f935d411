package org.openlms.engine.terms;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A change of one due date after the loan was set up (LoanPro's DueDateChanges): installment {@code index}
 * (zero-based), due on {@code originalDate} when the change was made, falls due on {@code newDate} instead, and the
 * installments after it follow the loan's frequency from {@code newDate} (on month ends with
 * {@code dueDateOnLastDOM} and a month-end {@code newDate}). The regular payment stays; the changed period's interest
 * follows its new length, and the last installment takes what remains. The index is kept with the change so that
 * the schedule never has to search for it.
 */
public record DueDateChange(int index, LocalDate originalDate, LocalDate newDate, boolean dueDateOnLastDOM) {

    public DueDateChange {
        if (index < 0) {
            throw new IllegalArgumentException("installment index " + index);
        }
        Objects.requireNonNull(originalDate, "originalDate");
        Objects.requireNonNull(newDate, "newDate");
    }
}
