package org.openlms.engine.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A charge put on a loan by hand or by automation (late, NSF, other): a fee that comes due on {@code date} and
 * is paid by later payments as fees are (first, in the Regular waterfall). {@code typeCode} is LoanPro's
 * charge type (e.g. {@code charge.types.nsf}), carried for ledgers; the engine treats every type alike.
 * Interest-bearing charges (which would add to principal) are not modelled. {@code id} identifies it for
 * reversal; several on one day apply in list order.
 */
public record Charge(long id, LocalDate date, BigDecimal amount, String typeCode) {
    public Charge {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(typeCode, "typeCode");
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount: must be positive with at most 2 decimals, got " + amount);
        }
    }

    public static Charge of(long id, LocalDate date, String amount, String typeCode) {
        return new Charge(id, date, new BigDecimal(amount), typeCode);
    }
}
