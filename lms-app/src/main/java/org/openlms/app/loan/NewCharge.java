package org.openlms.app.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A charge to put on a loan, as validated from the API ({@code chargeApplicationType} is LoanPro's code). */
public record NewCharge(LocalDate date, BigDecimal amount, String info, int chargeTypeId,
    String chargeApplicationType) {}
