package org.openlms.app.loan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A loan's own row. {@code setupActive} is LoanPro's LoanSetup.active (activated: terms are frozen);
 * {@code deleted} is a soft delete, so LoanPro's Loan.active is its negation.
 */
public record Loan(long id, String displayId, String title, boolean setupActive, boolean archived,
    boolean temporaryAccount, boolean deleted, Instant deletedAt, LocalDate lastMaintainedDate, int modId,
    String loanAlert, Instant created, Instant lastUpdate) {}
