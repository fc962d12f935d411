package org.openlms.engine.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/**
 * Due dates. Month-based frequencies count from firstPaymentDate (never from the previous date), so a loan due on
 * Jan 31 is due Feb 28 (29) and Mar 31. With dueDateOnLastDOM and a first date on a month end, every date is a
 * month end (Feb 28 -> Mar 31). Semimonthly: day d and d+15 when d <= 15, else d and d-15 of the next month.
 */
public final class DueDates {
    private DueDates() {
    }

    public static List<LocalDate> generate(LoanTerms terms, int count) {
        List<LocalDate> dates = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            dates.add(nth(terms, k));
        }
        return dates;
    }

    /** The k-th due date (0-based). */
    public static LocalDate nth(LoanTerms terms, int k) {
        LocalDate first = terms.firstPaymentDate();
        PaymentFrequency f = terms.paymentFrequency();
        if (f == PaymentFrequency.SEMIMONTHLY) {
            return semimonthly(first, k);
        }
        if (f.daysPerPeriod() > 0) {
            return first.plusDays((long) k * f.daysPerPeriod());
        }
        if (f.monthsPerPeriod() == 0) {
            return first; // single payment: only k = 0 exists
        }
        LocalDate d = first.plusMonths((long) k * f.monthsPerPeriod());
        boolean monthEnd = first.getDayOfMonth() == first.lengthOfMonth();
        return terms.dueDateOnLastDOM() && monthEnd ? d.withDayOfMonth(d.lengthOfMonth()) : d;
    }

    private static LocalDate semimonthly(LocalDate first, int k) {
        int day = first.getDayOfMonth();
        LocalDate base = first.plusMonths(k / 2);
        if (k % 2 == 0) {
            return base;
        }
        if (day <= 15) {
            return base.withDayOfMonth(Math.min(day + 15, base.lengthOfMonth()));
        }
        return first.plusMonths(k / 2 + 1).withDayOfMonth(day - 15);
    }

    /** The date one regular period before {@code date}: used to tell whether the first period is regular. */
    public static LocalDate onePeriodBefore(LoanTerms terms, LocalDate date) {
        PaymentFrequency f = terms.paymentFrequency();
        if (f == PaymentFrequency.SEMIMONTHLY) {
            return date.getDayOfMonth() > 15 ? date.minusDays(15) : date.minusMonths(1).plusDays(15);
        }
        if (f.daysPerPeriod() > 0) {
            return date.minusDays(f.daysPerPeriod());
        }
        if (f.monthsPerPeriod() == 0) {
            return date.minusYears(1); // single payment: no regular period; compare against a year
        }
        return date.minusMonths(f.monthsPerPeriod());
    }
}
