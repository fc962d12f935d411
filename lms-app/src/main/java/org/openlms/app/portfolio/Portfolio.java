package org.openlms.app.portfolio;

import java.time.Instant;

/** A portfolio (LoanPro's {@code Entity.Portfolio}); only loan portfolios exist here ({@code Entity.Loan}). */
public record Portfolio(long id, String title, String numPrefix, String numSuffix, Integer categoryId,
    String entityType, boolean active, Instant created) {

  public static final String LOAN_ENTITY = "Entity.Loan";
}
