package org.openlms.app.loan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment to log, as validated from the API. */
public record NewPayment(LocalDate date, BigDecimal amount, String info, int paymentTypeId, int paymentMethodId,
    String extra, boolean principalOnly, String application) {}
