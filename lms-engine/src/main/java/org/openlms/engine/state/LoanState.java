package org.openlms.engine.state;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openlms.engine.money.Money;
import org.openlms.engine.schedule.Schedule;

/**
 * A loan at the end of {@code date}: everything the next day needs and StatusArchive reads. Money is in cents
 * except {@code unpostedInterest}, {@code perdiem} and {@code interestAccruedToday}, which keep the accrual scale
 * until interest posts (on a due date, or when a payment reaches interest that is not yet due).
 *
 * @param nextIndex        index of the next installment to come due ({@code schedule.size()} after maturity)
 * @param lateFeeIndex     index of the next installment whose late fee has not been decided
 * @param nextDueDate      cached due date of {@code nextIndex}, null after maturity
 * @param nextLateFeeCheck cached date the late fee of {@code lateFeeIndex} is decided, null if none pending
 * @param interestNotDue   interest posted at a payment or left over after an installment, not yet due
 * @param unpaid           unpaid parts of installments that came due, oldest first (sums to dueInterest + duePrincipal)
 * @param prepaidCredit    extra paid toward next periods: it reduces the next installments' amounts
 * @param heldCredit       an early payment under betweenPeriods, held until the next due date
 * @param dateLastCurrent  the last date with no installment from an earlier date unpaid
 * @param dateLastCurrent30 the last date with no installment unpaid for 30 days or more
 * @param firstDelinquencyDate the first day that began with an installment from an earlier date unpaid
 * @param uniqueDelinquencies how many times the loan went from current to past due
 * @param delinquentDays   how many days began past due
 * @param interestStopped  no interest accrues (stopped by a rule or by hand, or charged off) until resumed
 */
public record LoanState(
        Schedule schedule,
        LocalDate date,
        int nextIndex,
        int lateFeeIndex,
        LocalDate nextDueDate,
        LocalDate nextLateFeeCheck,
        BigDecimal principalBalance,
        BigDecimal unpostedInterest,
        BigDecimal interestNotDue,
        BigDecimal dueInterest,
        BigDecimal duePrincipal,
        BigDecimal dueFees,
        List<DueItem> unpaid,
        BigDecimal prepaidCredit,
        BigDecimal heldCredit,
        BigDecimal perdiem,
        BigDecimal interestAccruedToday,
        LocalDate lastPaymentDate,
        BigDecimal lastPaymentAmount,
        LocalDate dateLastCurrent,
        LocalDate dateLastCurrent30,
        LocalDate firstDelinquencyDate,
        int uniqueDelinquencies,
        int delinquentDays,
        boolean interestStopped) {

    /** The state before the contract date: the first step is the contract date itself. */
    public static LoanState open(Schedule schedule) {
        BigDecimal principal = Money.round(schedule.terms().loanAmount());
        LoanState s = new LoanState(schedule, schedule.terms().contractDate().minusDays(1), 0, 0,
                schedule.dueDate(0), null, principal, Money.ZERO_ACCRUAL, Money.ZERO, Money.ZERO, Money.ZERO,
                Money.ZERO, List.of(), Money.ZERO, Money.ZERO, Money.ZERO_ACCRUAL, Money.ZERO_ACCRUAL, null, null,
                null, null, null, 0, 0, false);
        return s.toDraft().refreshPerdiem().toState();
    }

    /** Amount past due (LoanPro amountDue): unpaid installments that have come due, plus unpaid fees. */
    public BigDecimal amountDue() {
        return dueInterest.add(duePrincipal).add(dueFees);
    }

    /** Days since the oldest installment that is not fully paid came due; 0 when none is unpaid. */
    public int daysPastDue() {
        return unpaid.isEmpty() ? 0 : (int) ChronoUnit.DAYS.between(unpaid.get(0).dueDate(), date);
    }

    /** Installment amounts unpaid for 30 days or more (LoanPro amountPastDue30). */
    public BigDecimal amountPastDue30() {
        BigDecimal sum = Money.ZERO;
        for (DueItem i : unpaid) {
            if (ChronoUnit.DAYS.between(i.dueDate(), date) >= 30) {
                sum = sum.add(i.remaining());
            }
        }
        return sum;
    }

    /** Unposted interest rounded to cents, optionally without today's accrual. */
    public BigDecimal accruedInterest(boolean includeToday) {
        BigDecimal v = includeToday ? unpostedInterest : unpostedInterest.subtract(interestAccruedToday);
        return Money.round(v);
    }

    /** Principal + all unpaid interest (due, posted, accrued) + unpaid fees. */
    public BigDecimal payoff(CalcSettings settings) {
        return principalBalance.add(dueInterest).add(interestNotDue)
                .add(accruedInterest(settings.includeTodaysInterestInPayoff())).add(dueFees);
    }

    /** True once principal, interest and fees are all zero: the step then does nothing but move the date. */
    public boolean isClosed() {
        return principalBalance.signum() == 0 && dueInterest.signum() == 0 && duePrincipal.signum() == 0
                && dueFees.signum() == 0 && interestNotDue.signum() == 0 && unpostedInterest.signum() == 0
                && heldCredit.signum() == 0;
    }

    /** The same state over another schedule object of the same terms (a deferred one, say). */
    public LoanState withSchedule(Schedule other) {
        return new LoanState(other, date, nextIndex, lateFeeIndex, nextDueDate, nextLateFeeCheck, principalBalance,
                unpostedInterest, interestNotDue, dueInterest, duePrincipal, dueFees, unpaid, prepaidCredit,
                heldCredit, perdiem, interestAccruedToday, lastPaymentDate, lastPaymentAmount, dateLastCurrent,
                dateLastCurrent30, firstDelinquencyDate, uniqueDelinquencies, delinquentDays, interestStopped);
    }

    public LoanStateDraft toDraft() {
        return new LoanStateDraft(this);
    }
}
