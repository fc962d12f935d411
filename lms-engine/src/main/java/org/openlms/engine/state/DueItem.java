package org.openlms.engine.state;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The unpaid part of one installment that has come due; paid oldest first, so days past due come from the head. */
public record DueItem(LocalDate dueDate, BigDecimal remaining) {
}
