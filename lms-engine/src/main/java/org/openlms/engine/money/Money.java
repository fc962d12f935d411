package org.openlms.engine.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Scales and rounding for every amount in the engine, chosen here and nowhere else. */
public final class Money {
    /** Posted money: cents. */
    public static final int SCALE = 2;
    /** Interest accrues at this scale so that rounding happens once, when it posts. */
    public static final int ACCRUAL_SCALE = 10;
    /** Rates (per day, per period) keep enough digits that a 30-year loan loses nothing at the cent. */
    public static final int RATE_SCALE = 20;
    public static final RoundingMode MODE = RoundingMode.HALF_UP;
    /** For divisions and powers whose result is rounded later (annuity factors, APR search). */
    public static final MathContext CALC = MathContext.DECIMAL128;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    public static final BigDecimal ZERO_ACCRUAL = BigDecimal.ZERO.setScale(ACCRUAL_SCALE);

    private Money() {
    }

    /** Parses a money literal such as "15000.00"; refuses more than two decimals so nothing is silently lost. */
    public static BigDecimal of(String amount) {
        BigDecimal v = new BigDecimal(amount);
        if (v.scale() > SCALE && v.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("money has more than " + SCALE + " decimals: " + amount);
        }
        return v.setScale(SCALE, MODE);
    }

    /** Rounds to cents. */
    public static BigDecimal round(BigDecimal v) {
        return v.setScale(SCALE, MODE);
    }

    /** Rounds to a given number of decimals (payment rounding, {@code roundDecimals}), then back to cents. */
    public static BigDecimal round(BigDecimal v, int decimals) {
        return v.setScale(decimals, MODE).setScale(SCALE, MODE);
    }

    /** Rounds to the accrual scale. */
    public static BigDecimal accrual(BigDecimal v) {
        return v.setScale(ACCRUAL_SCALE, MODE);
    }

    /** Rounds a rate to the rate scale. */
    public static BigDecimal rate(BigDecimal v) {
        return v.setScale(RATE_SCALE, MODE);
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static boolean isPositive(BigDecimal v) {
        return v.signum() > 0;
    }
}
