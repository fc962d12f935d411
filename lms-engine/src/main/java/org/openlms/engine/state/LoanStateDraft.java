package org.openlms.engine.state;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openlms.engine.money.Money;
import org.openlms.engine.schedule.Installment;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.terms.CalcType;

/**
 * A mutable copy of {@link LoanState} for the rare days when several fields change (a due date, a fee, a
 * payment). Quiet days never make one: they build the next record directly.
 */
public final class LoanStateDraft {
    final Schedule schedule;
    LocalDate date;
    int nextIndex;
    int lateFeeIndex;
    LocalDate nextDueDate;
    LocalDate nextLateFeeCheck;
    BigDecimal principalBalance;
    BigDecimal unpostedInterest;
    BigDecimal interestNotDue;
    BigDecimal dueInterest;
    BigDecimal duePrincipal;
    BigDecimal dueFees;
    List<DueItem> unpaid;
    BigDecimal prepaidCredit;
    BigDecimal heldCredit;
    BigDecimal perdiem;
    BigDecimal interestAccruedToday;
    LocalDate lastPaymentDate;
    BigDecimal lastPaymentAmount;
    LocalDate dateLastCurrent;
    LocalDate dateLastCurrent30;
    LocalDate firstDelinquencyDate;
    int uniqueDelinquencies;
    int delinquentDays;
    boolean interestStopped;

    LoanStateDraft(LoanState s) {
        schedule = s.schedule();
        date = s.date();
        nextIndex = s.nextIndex();
        lateFeeIndex = s.lateFeeIndex();
        nextDueDate = s.nextDueDate();
        nextLateFeeCheck = s.nextLateFeeCheck();
        principalBalance = s.principalBalance();
        unpostedInterest = s.unpostedInterest();
        interestNotDue = s.interestNotDue();
        dueInterest = s.dueInterest();
        duePrincipal = s.duePrincipal();
        dueFees = s.dueFees();
        unpaid = new ArrayList<>(s.unpaid());
        prepaidCredit = s.prepaidCredit();
        heldCredit = s.heldCredit();
        perdiem = s.perdiem();
        interestAccruedToday = s.interestAccruedToday();
        lastPaymentDate = s.lastPaymentDate();
        lastPaymentAmount = s.lastPaymentAmount();
        dateLastCurrent = s.dateLastCurrent();
        dateLastCurrent30 = s.dateLastCurrent30();
        firstDelinquencyDate = s.firstDelinquencyDate();
        uniqueDelinquencies = s.uniqueDelinquencies();
        delinquentDays = s.delinquentDays();
        interestStopped = s.interestStopped();
    }

    public LoanState toState() {
        return new LoanState(schedule, date, nextIndex, lateFeeIndex, nextDueDate, nextLateFeeCheck,
                principalBalance, unpostedInterest, interestNotDue, dueInterest, duePrincipal, dueFees,
                List.copyOf(unpaid), prepaidCredit, heldCredit, perdiem, interestAccruedToday, lastPaymentDate,
                lastPaymentAmount, dateLastCurrent, dateLastCurrent30, firstDelinquencyDate, uniqueDelinquencies,
                delinquentDays, interestStopped);
    }

    /** The period whose rate applies now: the next to come due, or the last one after maturity. */
    Installment currentPeriod() {
        return schedule.get(Math.min(nextIndex, schedule.size() - 1));
    }

    /** Per diem changes only with principal or period, so it is computed here and cached in the state. */
    public LoanStateDraft refreshPerdiem() {
        Installment p = currentPeriod();
        if (principalBalance.signum() == 0) {
            perdiem = Money.ZERO_ACCRUAL;
        } else if (schedule.terms().calcType() == CalcType.RULE_78) {
            // Precomputed interest: earned evenly over the period's days; nothing accrues after maturity.
            perdiem = nextIndex < schedule.size()
                    ? p.interest().divide(BigDecimal.valueOf(p.days()), Money.ACCRUAL_SCALE, Money.MODE)
                    : Money.ZERO_ACCRUAL;
        } else {
            perdiem = Money.accrual(principalBalance.multiply(p.dailyRate()));
        }
        return this;
    }

    /** Reduces the unpaid installments oldest first by money applied to due interest and principal. */
    void payUnpaid(BigDecimal amount) {
        BigDecimal left = amount;
        while (left.signum() > 0 && !unpaid.isEmpty()) {
            DueItem head = unpaid.get(0);
            if (head.remaining().compareTo(left) <= 0) {
                left = left.subtract(head.remaining());
                unpaid.remove(0);
            } else {
                unpaid.set(0, new DueItem(head.dueDate(), head.remaining().subtract(left)));
                left = BigDecimal.ZERO;
            }
        }
    }

    /** When nothing is left but a sub-cent of unposted interest, it is written off so the loan closes at zero. */
    void closeIfPaid() {
        boolean nothingElse = principalBalance.signum() == 0 && dueInterest.signum() == 0
                && duePrincipal.signum() == 0 && dueFees.signum() == 0 && interestNotDue.signum() == 0;
        if (nothingElse && Money.round(unpostedInterest).signum() == 0) {
            unpostedInterest = Money.ZERO_ACCRUAL;
        }
    }

    /** After a payment: the loan may have become current (the day's delinquency counters are not touched). */
    void markCurrentIfNoneLate() {
        long oldest = unpaid.isEmpty() ? Long.MAX_VALUE : unpaid.get(0).dueDate().toEpochDay();
        long today = date.toEpochDay();
        if (oldest >= today) {
            dateLastCurrent = date;
        }
        if (oldest > today - 30) {
            dateLastCurrent30 = date;
        }
    }

    /** At the end of a day step: as after a payment, and count the day if it began past due. */
    void markDay(LocalDate previousDate, LocalDate previousLastCurrent) {
        markCurrentIfNoneLate();
        if (!date.equals(dateLastCurrent)) {
            boolean wasCurrent = previousLastCurrent == null || previousLastCurrent.equals(previousDate);
            delinquentDays++;
            uniqueDelinquencies += wasCurrent ? 1 : 0;
            firstDelinquencyDate = firstDelinquencyDate == null ? date : firstDelinquencyDate;
        }
    }

    // Accessors and setters used by the payment package, which lives outside this package.
    public LocalDate date() {
        return date;
    }

    public Schedule schedule() {
        return schedule;
    }

    public BigDecimal principalBalance() {
        return principalBalance;
    }

    public BigDecimal dueFees() {
        return dueFees;
    }

    public BigDecimal dueInterest() {
        return dueInterest;
    }

    public BigDecimal duePrincipal() {
        return duePrincipal;
    }

    public BigDecimal interestNotDue() {
        return interestNotDue;
    }

    public boolean hasUnpaid() {
        return !unpaid.isEmpty() || dueFees.signum() > 0;
    }

    public LocalDate nextDueDate() {
        return nextDueDate;
    }

    /** Takes up to {@code max} from a bucket; returns what was taken. */
    public BigDecimal payFees(BigDecimal max) {
        BigDecimal x = Money.min(max, dueFees);
        dueFees = dueFees.subtract(x);
        return x;
    }

    public BigDecimal payDueInterest(BigDecimal max) {
        BigDecimal x = Money.min(max, dueInterest);
        dueInterest = dueInterest.subtract(x);
        payUnpaid(x);
        return x;
    }

    public BigDecimal payDuePrincipal(BigDecimal max) {
        BigDecimal x = Money.min(max, duePrincipal);
        duePrincipal = duePrincipal.subtract(x);
        principalBalance = principalBalance.subtract(x);
        payUnpaid(x);
        return x;
    }

    /** Pays principal that has not come due yet. */
    public BigDecimal payPrincipalNotDue(BigDecimal max) {
        BigDecimal x = Money.min(max, principalBalance.subtract(duePrincipal));
        principalBalance = principalBalance.subtract(x);
        return x;
    }

    /** Posts accrued interest (rounded to cents) so a payment can reach it, then pays it. */
    public BigDecimal payInterestNotDue(BigDecimal max) {
        interestNotDue = interestNotDue.add(Money.round(unpostedInterest));
        unpostedInterest = Money.ZERO_ACCRUAL;
        BigDecimal x = Money.min(max, interestNotDue);
        interestNotDue = interestNotDue.subtract(x);
        return x;
    }

    /** A charge: due fees grow by {@code amount} (cents). */
    public void addFees(BigDecimal amount) {
        dueFees = dueFees.add(amount);
    }

    public void addPrepaidCredit(BigDecimal amount) {
        prepaidCredit = prepaidCredit.add(amount);
    }

    public void addHeldCredit(BigDecimal amount) {
        heldCredit = heldCredit.add(amount);
    }

    /** Records the payment and refreshes what depends on balances. */
    public void finishPayment(LocalDate paymentDate, BigDecimal amount) {
        lastPaymentDate = paymentDate;
        lastPaymentAmount = amount;
        closeIfPaid();
        refreshPerdiem();
        markCurrentIfNoneLate();
    }
}
