package org.openlms.engine.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment as the engine needs it. {@code principalOnly} payments go to principal that has not come due and do
 * not count toward past due. {@code id} identifies the payment for reversal; order within a day is list order.
 */
public record Payment(long id, LocalDate date, BigDecimal amount, Waterfall waterfall, ExtraTowards extra,
                      boolean principalOnly) {
    public Payment {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(waterfall, "waterfall");
        Objects.requireNonNull(extra, "extra");
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount: must be positive with at most 2 decimals, got " + amount);
        }
    }

    public static Payment regular(long id, LocalDate date, String amount) {
        return new Payment(id, date, new BigDecimal(amount), Waterfall.REGULAR, ExtraTowards.PRINCIPAL, false);
    }

    public static Payment principalOnly(long id, LocalDate date, String amount) {
        return new Payment(id, date, new BigDecimal(amount), Waterfall.REGULAR, ExtraTowards.PRINCIPAL, true);
    }
}
