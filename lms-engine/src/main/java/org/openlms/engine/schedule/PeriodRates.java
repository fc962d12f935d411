package org.openlms.engine.schedule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.openlms.engine.money.Money;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.FirstPeriodDays;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/**
 * Daily rate of one period, the single place where daysInYear and firstPeriodDays are interpreted.
 * <ul>
 * <li>actual: every day accrues rate/365 (leap years too); a forced-regular odd first period is charged as
 * standard days (30 for monthly) at rate/365, spread over its real days.</li>
 * <li>frequency: a regular period accrues rate/periodsPerYear in total, spread over its days; an odd first
 * period accrues rate/periodsPerYear/standardDays per day.</li>
 * <li>The first period is regular when it spans exactly one payment period; with firstPeriodDays frequency also
 * when, for monthly and semimonthly, its length is within 2 days of the standard; with forceRegular always.</li>
 * </ul>
 */
final class PeriodRates {
    private static final BigDecimal DAYS_365 = BigDecimal.valueOf(365);
    private static final int FREQUENCY_TOLERANCE_DAYS = 2;

    private PeriodRates() {
    }

    /** Accrual days of a period ending on {@code due}: days after {@code previous}, plus the contract day if asked. */
    static int accrualDays(LoanTerms t, LocalDate previous, LocalDate due, boolean first) {
        int days = (int) ChronoUnit.DAYS.between(previous, due);
        return first && t.firstDayInterest() ? days + 1 : days;
    }

    static boolean firstPeriodRegular(LoanTerms t) {
        PaymentFrequency f = t.paymentFrequency();
        if (f == PaymentFrequency.SINGLE) {
            return false;
        }
        if (naturallyRegular(t)) {
            return true;
        }
        FirstPeriodDays mode = t.firstPeriodDays();
        if (mode == FirstPeriodDays.FORCE_REGULAR) {
            return true;
        }
        if (mode == FirstPeriodDays.FREQUENCY
                && (f == PaymentFrequency.MONTHLY || f == PaymentFrequency.SEMIMONTHLY)) {
            long days = ChronoUnit.DAYS.between(t.contractDate(), DueDates.nth(t, 0));
            return Math.abs(days - f.standardDays()) <= FREQUENCY_TOLERANCE_DAYS;
        }
        return false;
    }

    /** The per-day rate (a fraction of principal) of a period with {@code days} accrual days. */
    static BigDecimal dailyRate(LoanTerms t, int days, boolean regular, boolean first) {
        BigDecimal annual = t.annualRate();
        PaymentFrequency f = t.paymentFrequency();
        BigDecimal periodic = annual.divide(BigDecimal.valueOf(f.periodsPerYear()), Money.CALC);
        BigDecimal std = BigDecimal.valueOf(f.standardDays());
        if (t.daysInYear() == DaysInYear.FREQUENCY) {
            BigDecimal perDay = regular
                    ? periodic.divide(BigDecimal.valueOf(days), Money.CALC)
                    : periodic.divide(std, Money.CALC);
            return Money.rate(perDay);
        }
        BigDecimal perDay = annual.divide(DAYS_365, Money.CALC);
        boolean forced = first && t.firstPeriodDays() == FirstPeriodDays.FORCE_REGULAR && !naturallyRegular(t);
        if (forced) {
            perDay = perDay.multiply(std).divide(BigDecimal.valueOf(days), Money.CALC);
        }
        return Money.rate(perDay);
    }

    /** Whether the first period spans one payment period exactly (to the first due date as it is now). */
    private static boolean naturallyRegular(LoanTerms t) {
        return DueDates.onePeriodBefore(t, DueDates.nth(t, 0)).equals(t.contractDate());
    }
}
