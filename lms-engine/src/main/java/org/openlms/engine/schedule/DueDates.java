package org.openlms.engine.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openlms.engine.terms.DueDateChange;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/**
 * Due dates. Month-based frequencies count from firstPaymentDate (never from the previous date), so a loan due on
 * Jan 31 is due Feb 28 (29) and Mar 31. With dueDateOnLastDOM and a first date on a month end, every date is a
 * month end (Feb 28 -> Mar 31). Semimonthly: day d and d+15 when d <= 15, else d and d-15 of the next month.
 * A {@link DueDateChange} re-anchors the pattern: from its installment on, dates count from its new date as they
 * counted from firstPaymentDate before; of several changes, the latest one at or before an installment decides.
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
        DueDateChange anchor = null;
        for (DueDateChange c : terms.dueDateChanges()) { // in the order made: a later change overrides an earlier
            if (c.index() <= k) {
                anchor = c;
            }
        }
        return anchor == null ? nth(terms, terms.firstPaymentDate(), terms.dueDateOnLastDOM(), k)
                : nth(terms, anchor.newDate(), anchor.dueDateOnLastDOM(), k - anchor.index());
    }

    private static LocalDate nth(LoanTerms terms, LocalDate first, boolean lastDom, int k) {
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
        return lastDom && monthEnd ? d.withDayOfMonth(d.lengthOfMonth()) : d;
    }

    /**
     * The change moving the installment due on {@code originalDate} in {@code current} (the loan's schedule with its
     * changes so far) to {@code newDate}, made on {@code changedDate}: only a due date still to come can move, to a
     * day after the change is made and after the installment before it.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public static DueDateChange change(Schedule current, LocalDate changedDate, LocalDate originalDate,
                                       LocalDate newDate, boolean dueDateOnLastDOM) {
        int index = -1;
        for (int i = 0; i < current.size(); i++) {
            if (current.dueDate(i).equals(originalDate)) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("originalDate: " + originalDate + " is not a due date of this loan");
        }
        if (!originalDate.isAfter(changedDate)) {
            throw new IllegalArgumentException("originalDate: " + originalDate + " has come due by " + changedDate
                    + "; only a due date still to come can change");
        }
        if (newDate.equals(originalDate)) {
            throw new IllegalArgumentException("newDate: is the same as originalDate");
        }
        if (!newDate.isAfter(changedDate)) {
            throw new IllegalArgumentException("newDate: " + newDate + " must be after " + changedDate
                    + ", the date of the change");
        }
        LocalDate before = index == 0 ? current.terms().contractDate() : current.dueDate(index - 1);
        if (!newDate.isAfter(before)) {
            throw new IllegalArgumentException("newDate: " + newDate + " must be after " + before + ", the "
                    + (index == 0 ? "contract date" : "due date before it"));
        }
        return new DueDateChange(index, originalDate, newDate, dueDateOnLastDOM);
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
