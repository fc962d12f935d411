package org.openlms.engine.state;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.openlms.engine.money.Money;
import org.openlms.engine.schedule.Installment;
import org.openlms.engine.schedule.Schedule;

/**
 * One StatusArchive row's engine values, named as LoanPro names them. Money is in cents. {@code amountDue} is the
 * amount past due (installments that came due, today's included, plus unpaid fees), as in LoanPro's archive.
 * {@code nextPaymentAmount} is the scheduled amount less prepaid credit; for the final installment it is the
 * projected payoff on its due date. {@code periodStart}/{@code periodEnd} are the accrual days of the current
 * period, null after maturity. The delinquency counters count days that began with an installment from an
 * earlier date unpaid (before that day's payments).
 */
public record StatusSnapshot(
        LocalDate date,
        BigDecimal amountDue,
        BigDecimal dueInterest,
        BigDecimal duePrincipal,
        BigDecimal dueFees,
        BigDecimal duePni,
        LocalDate nextPaymentDate,
        BigDecimal nextPaymentAmount,
        LocalDate lastPaymentDate,
        BigDecimal lastPaymentAmount,
        BigDecimal principalBalance,
        int daysPastDue,
        LocalDate dateLastCurrent,
        BigDecimal amountPastDue30,
        LocalDate dateLastCurrent30,
        LocalDate firstDelinquencyDate,
        int uniqueDelinquencies,
        int delinquentDays,
        BigDecimal payoff,
        BigDecimal perdiem,
        BigDecimal interestAccruedToday,
        LocalDate periodStart,
        LocalDate periodEnd,
        int periodsRemaining,
        LocalDate finalPaymentDate,
        BigDecimal finalPaymentAmount,
        int loanAge) {

    public static StatusSnapshot of(LoanState s, CalcSettings settings) {
        Schedule schedule = s.schedule();
        boolean matured = s.nextIndex() >= schedule.size();
        Installment next = matured ? null : schedule.get(s.nextIndex());
        boolean nothingNext = matured || s.isClosed(); // a paid-off loan has no next payment
        return new StatusSnapshot(s.date(), s.amountDue(), s.dueInterest(), s.duePrincipal(), s.dueFees(),
                s.dueInterest().add(s.duePrincipal()),
                nothingNext ? null : next.dueDate(),
                nothingNext ? Money.ZERO : nextAmount(s, next),
                s.lastPaymentDate(), s.lastPaymentAmount(), s.principalBalance(), s.daysPastDue(),
                s.dateLastCurrent(), s.amountPastDue30(), s.dateLastCurrent30(), s.firstDelinquencyDate(),
                s.uniqueDelinquencies(), s.delinquentDays(), s.payoff(settings),
                s.interestStopped() ? Money.ZERO : Money.round(s.perdiem()),
                Money.round(s.interestAccruedToday()),
                matured ? null : next.periodStart(), matured ? null : next.dueDate(),
                schedule.size() - s.nextIndex(), schedule.last().dueDate(), schedule.last().payment(),
                (int) Math.max(0, ChronoUnit.DAYS.between(schedule.terms().contractDate(), s.date())));
    }

    private static BigDecimal nextAmount(LoanState s, Installment next) {
        Schedule schedule = s.schedule();
        BigDecimal amount;
        if (next.number() == schedule.size()) {
            long days = ChronoUnit.DAYS.between(s.date(), next.dueDate());
            BigDecimal toCome = s.perdiem().multiply(BigDecimal.valueOf(days));
            amount = s.principalBalance().subtract(s.duePrincipal()).add(s.interestNotDue())
                    .add(Money.round(s.unpostedInterest().add(toCome)));
        } else {
            amount = next.payment();
        }
        return Money.max(Money.ZERO, amount.subtract(s.prepaidCredit()));
    }
}
