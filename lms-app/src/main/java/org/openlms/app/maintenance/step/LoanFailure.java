package org.openlms.app.maintenance.step;

/** A loan isolated from its chunk: the step that threw and its message. */
public record LoanFailure(long loanId, String step, String error) {}
