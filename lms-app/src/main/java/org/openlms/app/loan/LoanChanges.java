package org.openlms.app.loan;

/**
 * What a create or update asks for; null means "leave as is" (or the default on create).
 * {@code activate} true activates the loan (LoanSetup.active = 1).
 */
public record LoanChanges(String displayId, String title, LoanSetup setup, LoanSettings settings, Boolean activate,
    Boolean archived, Boolean temporaryAccount, String loanAlert) {

  public boolean isEmpty() {
    return displayId == null && title == null && setup == null && settings == null && activate == null
        && archived == null && temporaryAccount == null && loanAlert == null;
  }
}
