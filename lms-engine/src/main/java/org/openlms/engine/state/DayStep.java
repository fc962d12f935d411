package org.openlms.engine.state;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openlms.engine.fees.LateFeePolicy;
import org.openlms.engine.money.Money;
import org.openlms.engine.schedule.Installment;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.LoanTerms;

/**
 * The day step: {@code step(state, businessDate)} moves a loan through exactly one day, in this order:
 * accrue the day's interest on the opening principal, bring due the installment due today, apply a held
 * (betweenPeriods) credit, decide the late fee whose date (due date + graceDays + 1) is today. Payments dated today
 * are applied after the step by {@link org.openlms.engine.payment.PaymentApplier}, so a payment on the fee date
 * is too late and a payment on the due date meets the installment it pays.
 */
public final class DayStep {
    private DayStep() {
    }

    public static DayResult step(LoanState s, LocalDate businessDate) {
        if (!businessDate.equals(s.date().plusDays(1))) {
            throw new IllegalArgumentException("step must follow " + s.date() + " day by day, got " + businessDate);
        }
        if (s.isClosed()) {
            return quiet(s, businessDate, Money.ZERO_ACCRUAL);
        }
        BigDecimal today = accrues(s, businessDate) ? s.perdiem() : Money.ZERO_ACCRUAL;
        boolean dueToday = businessDate.equals(s.nextDueDate());
        boolean feeToday = businessDate.equals(s.nextLateFeeCheck());
        if (!dueToday && !feeToday) {
            return quiet(s, businessDate, today);
        }
        LoanStateDraft d = s.toDraft();
        d.date = businessDate;
        d.unpostedInterest = d.unpostedInterest.add(today);
        d.interestAccruedToday = today;
        List<Posting> postings = new ArrayList<>(3);
        List<LoanEvent> events = new ArrayList<>(2);
        if (dueToday) {
            comeDue(d, postings, events);
            if (d.heldCredit.signum() > 0) {
                applyHeld(d);
            }
        }
        if (feeToday) {
            lateFee(d, postings, events);
        }
        d.closeIfPaid();
        d.markDay(s.date(), s.dateLastCurrent());
        LoanState next = d.toState();
        if (next.isClosed()) {
            events.add(new LoanEvent.PaidOff(businessDate));
        }
        return new DayResult(next, postings, events);
    }

    /** The hot path: one addition and one record (dates compared as epoch days, nothing else allocated). */
    private static DayResult quiet(LoanState s, LocalDate date, BigDecimal today) {
        long oldest = s.unpaid().isEmpty() ? Long.MAX_VALUE : s.unpaid().get(0).dueDate().toEpochDay();
        long day = date.toEpochDay();
        boolean current = oldest >= day;
        boolean wasCurrent = s.dateLastCurrent() == null || s.dateLastCurrent().equals(s.date());
        LoanState next = new LoanState(s.schedule(), date, s.nextIndex(), s.lateFeeIndex(), s.nextDueDate(),
                s.nextLateFeeCheck(), s.principalBalance(), today.signum() == 0 ? s.unpostedInterest()
                : s.unpostedInterest().add(today), s.interestNotDue(), s.dueInterest(), s.duePrincipal(),
                s.dueFees(), s.unpaid(), s.prepaidCredit(), s.heldCredit(), s.perdiem(), today,
                s.lastPaymentDate(), s.lastPaymentAmount(), current ? date : s.dateLastCurrent(),
                oldest > day - 30 ? date : s.dateLastCurrent30(),
                current || s.firstDelinquencyDate() != null ? s.firstDelinquencyDate() : date,
                s.uniqueDelinquencies() + (!current && wasCurrent ? 1 : 0),
                s.delinquentDays() + (current ? 0 : 1), s.interestStopped());
        return new DayResult(next, List.of(), List.of());
    }

    /**
     * Applies credit held under betweenPeriods on the due date it waited for, in the Regular order (fees,
     * interest, principal), extra to principal; whatever the loan does not owe stays held, never lost.
     */
    private static void applyHeld(LoanStateDraft d) {
        BigDecimal left = d.heldCredit;
        d.heldCredit = Money.ZERO;
        left = left.subtract(d.payFees(left));
        left = left.subtract(d.payDueInterest(left));
        left = left.subtract(d.payDuePrincipal(left));
        left = left.subtract(d.payPrincipalNotDue(left));
        if (d.principalBalance.signum() == 0 && left.signum() > 0) {
            left = left.subtract(d.payInterestNotDue(left));
        }
        d.heldCredit = left;
        d.refreshPerdiem();
    }

    /** Interest accrues from the day after the contract date (or on it, with firstDayInterest), unless stopped. */
    private static boolean accrues(LoanState s, LocalDate date) {
        return !s.interestStopped() && !date.isBefore(s.schedule().interestStart());
    }

    private static void comeDue(LoanStateDraft d, List<Posting> postings, List<LoanEvent> events) {
        Schedule schedule = d.schedule;
        LoanTerms t = schedule.terms();
        int k = d.nextIndex;
        Installment row = schedule.get(k);
        boolean last = k == schedule.size() - 1;
        boolean rule78 = t.calcType() == CalcType.RULE_78 && d.principalBalance.signum() > 0;
        BigDecimal posted = rule78 ? row.interest() : Money.round(d.unpostedInterest);
        BigDecimal interestAvail = d.interestNotDue.add(posted);
        d.unpostedInterest = Money.ZERO_ACCRUAL;
        BigDecimal principalNotDue = d.principalBalance.subtract(d.duePrincipal);
        BigDecimal amount;
        if (last) {
            amount = principalNotDue.add(interestAvail);
        } else if (t.calcType() == CalcType.INTEREST_ONLY) {
            amount = interestAvail;
        } else {
            amount = Money.min(schedule.regularPayment(), principalNotDue.add(interestAvail));
        }
        BigDecimal credit = Money.min(d.prepaidCredit, amount);
        d.prepaidCredit = d.prepaidCredit.subtract(credit);
        amount = amount.subtract(credit);
        BigDecimal interest = Money.min(amount, interestAvail);
        BigDecimal principal = Money.min(amount.subtract(interest), principalNotDue);
        d.interestNotDue = interestAvail.subtract(interest);
        d.dueInterest = d.dueInterest.add(interest);
        d.duePrincipal = d.duePrincipal.add(principal);
        BigDecimal total = interest.add(principal);
        if (total.signum() > 0) {
            d.unpaid.add(new DueItem(row.dueDate(), total));
            postings.add(new Posting(d.date, Posting.Type.INTEREST_DUE, interest));
            postings.add(new Posting(d.date, Posting.Type.PRINCIPAL_DUE, principal));
        }
        events.add(new LoanEvent.InstallmentDue(d.date, row.number(), total));
        d.nextIndex = k + 1;
        d.nextDueDate = last ? null : schedule.dueDate(k + 1);
        if (d.nextLateFeeCheck == null) {
            d.nextLateFeeCheck = lateFeeDate(d, d.lateFeeIndex);
        }
        d.refreshPerdiem();
    }

    private static void lateFee(LoanStateDraft d, List<Posting> postings, List<LoanEvent> events) {
        Schedule schedule = d.schedule;
        Installment row = schedule.get(d.lateFeeIndex);
        // Only this installment and older ones count: one that came due since (e.g. weekly with a long grace)
        // is not late yet and must not draw a fee for an installment that was paid.
        // Items are oldest first, so the newer ones form a short tail: subtract it from the total.
        BigDecimal pastDue = d.dueInterest.add(d.duePrincipal);
        for (int i = d.unpaid.size() - 1; i >= 0 && d.unpaid.get(i).dueDate().isAfter(row.dueDate()); i--) {
            pastDue = pastDue.subtract(d.unpaid.get(i).remaining());
        }
        BigDecimal fee = LateFeePolicy.assess(schedule.terms(), schedule.regularPayment(), row.dueDate(), pastDue,
                d.lastPaymentDate);
        if (fee.signum() > 0) {
            d.dueFees = d.dueFees.add(fee);
            postings.add(new Posting(d.date, Posting.Type.LATE_FEE, fee));
            events.add(new LoanEvent.LateFeeAssessed(d.date, row.number(), fee));
        }
        d.lateFeeIndex++;
        d.nextLateFeeCheck = d.lateFeeIndex < d.nextIndex ? lateFeeDate(d, d.lateFeeIndex) : null;
    }

    /** The day a late fee is decided: the due date + graceDays + 1; null when the loan charges no late fees. */
    private static LocalDate lateFeeDate(LoanStateDraft d, int index) {
        LoanTerms t = d.schedule.terms();
        if (!t.chargesLateFees() || index >= d.schedule.size()) {
            return null;
        }
        return d.schedule.dueDate(index).plusDays(t.graceDays() + 1L);
    }
}
