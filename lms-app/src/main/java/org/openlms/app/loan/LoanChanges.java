package org.openlms.app.loan;

import java.util.List;
import org.openlms.app.customfield.CustomFieldValues;

/**
 * What a create or update asks for; null means "leave as is" (or the default on create).
 * {@code activate} true activates the loan (LoanSetup.active = 1); {@code customFieldValues} are set (or, with a
 * null value, cleared) field by field, the loan's other custom fields left as they are.
 */
public record LoanChanges(String displayId, String title, LoanSetup setup, LoanSettings settings, Boolean activate,
    Boolean archived, Boolean temporaryAccount, String loanAlert, List<CustomFieldValues.Change> customFieldValues) {

  public boolean isEmpty() {
    return displayId == null && title == null && setup == null && settings == null && activate == null
        && archived == null && temporaryAccount == null && loanAlert == null
        && (customFieldValues == null || customFieldValues.isEmpty());
  }
}
