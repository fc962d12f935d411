package org.openlms.engine.schedule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openlms.engine.terms.PaymentFrequency;

/**
 * Annual percentage rate by the actuarial method of Regulation Z, appendix J (12 CFR 1026): the unit-period rate i
 * solves A = sum_j P_j / ((1 + f i)(1 + i)^t_j), where t_j counts whole unit-periods from the start of the term to
 * payment j and f is the fractional unit-period at the start (odd days / 30 per month of the unit-period, / 15
 * semimonthly, / 7 per week of the unit-period, / 365 for a year or a single payment). APR = i x unit-periods per year.
 * When the first period is treated as regular (forceRegular or the frequency tolerance) it counts as one whole
 * unit-period, as LoanPro's own disclosure does; see the README's engine semantics.
 */
public final class AprCalculator {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final int ITERATIONS = 100;

    private AprCalculator() {
    }

    /** The APR in percent with 3 decimals (HALF_UP). */
    public static BigDecimal apr(BigDecimal amountFinanced, LocalDate start, List<LocalDate> dueDates,
                                 List<BigDecimal> payments, PaymentFrequency unit, boolean firstPeriodRegular) {
        int t0;
        BigDecimal f;
        LocalDate first = dueDates.get(0);
        if (unit == PaymentFrequency.SINGLE) {
            t0 = 0;
            f = BigDecimal.valueOf(ChronoUnit.DAYS.between(start, first)).divide(BigDecimal.valueOf(365), MC);
        } else if (firstPeriodRegular) {
            t0 = 1;
            f = BigDecimal.ZERO;
        } else {
            int[] split = wholeUnitsAndOddDays(start, first, unit);
            t0 = split[0];
            f = BigDecimal.valueOf(split[1]).divide(BigDecimal.valueOf(oddDayDivisor(unit)), MC);
        }
        BigDecimal lo = BigDecimal.ZERO;
        BigDecimal hi = BigDecimal.ONE;
        BigDecimal two = BigDecimal.valueOf(2);
        for (int k = 0; k < ITERATIONS; k++) {
            BigDecimal mid = lo.add(hi).divide(two, MC);
            if (presentValue(mid, t0, f, payments).compareTo(amountFinanced) > 0) {
                lo = mid; // present value too high: the rate must rise
            } else {
                hi = mid;
            }
        }
        BigDecimal perYear = BigDecimal.valueOf(unit.periodsPerYear());
        return lo.add(hi).divide(two, MC).multiply(perYear).movePointRight(2).setScale(3, RoundingMode.HALF_UP);
    }

    private static BigDecimal presentValue(BigDecimal i, int t0, BigDecimal f, List<BigDecimal> payments) {
        BigDecimal onePlus = BigDecimal.ONE.add(i);
        BigDecimal discount = BigDecimal.ONE.divide(BigDecimal.ONE.add(f.multiply(i)), MC)
                .multiply(BigDecimal.ONE.divide(onePlus.pow(t0, MC), MC), MC);
        BigDecimal perUnit = BigDecimal.ONE.divide(onePlus, MC);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal p : payments) {
            sum = sum.add(p.multiply(discount, MC), MC);
            discount = discount.multiply(perUnit, MC);
        }
        return sum;
    }

    /** Counts whole unit-periods back from the first payment date, leaving odd days at the start of the term. */
    static int[] wholeUnitsAndOddDays(LocalDate start, LocalDate first, PaymentFrequency unit) {
        int units = 0;
        LocalDate cursor = first;
        while (true) {
            LocalDate previous = stepBack(first, unit, units + 1);
            if (previous.isBefore(start)) {
                break;
            }
            units++;
            cursor = previous;
        }
        return new int[] {units, (int) ChronoUnit.DAYS.between(start, cursor)};
    }

    private static LocalDate stepBack(LocalDate from, PaymentFrequency unit, int units) {
        if (unit.daysPerPeriod() > 0) {
            return from.minusDays((long) units * unit.daysPerPeriod());
        }
        if (unit == PaymentFrequency.SEMIMONTHLY) {
            LocalDate months = from.minusMonths(units / 2);
            return units % 2 == 0 ? months : months.minusDays(15);
        }
        return from.minusMonths((long) units * unit.monthsPerPeriod());
    }

    private static int oddDayDivisor(PaymentFrequency unit) {
        if (unit.daysPerPeriod() > 0) {
            return unit.daysPerPeriod();
        }
        if (unit == PaymentFrequency.SEMIMONTHLY) {
            return 15;
        }
        if (unit == PaymentFrequency.ANNUALLY) {
            return 365; // appendix J: a fractional year is counted in days of 365
        }
        return 30 * unit.monthsPerPeriod();
    }
}
