package org.openlms.app.loan;

import java.time.LocalDate;

/** A due date to move, as validated from the API; {@code changedDate} null means the business date. */
public record NewDueDateChange(LocalDate originalDate, LocalDate newDate, LocalDate changedDate,
    boolean dueDateOnLastDOM) {}
