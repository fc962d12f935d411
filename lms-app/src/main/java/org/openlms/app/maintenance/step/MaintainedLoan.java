package org.openlms.app.maintenance.step;

import java.time.LocalDate;

/**
 * A loan as the worker read it, locked, at the start of its chunk's transaction. {@code lastMaintainedDate}
 * is before the business date (or null): the calculator brings the loan forward over every day since.
 */
public record MaintainedLoan(long id, String displayId, LocalDate lastMaintainedDate, boolean archived) {}
