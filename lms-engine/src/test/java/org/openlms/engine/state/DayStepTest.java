package org.openlms.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openlms.engine.testing.Loans.bd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.engine.payment.PaymentApplier;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.testing.Loans;

class DayStepTest {
    private static final LocalDate CONTRACT = LocalDate.of(2023, 1, 15);

    @Test
    void actualBasisAccruesRateOver365OnOpeningPrincipal() {
        Schedule s = Loans.schedule(Loans.monthlyActual());
        LoanState day0 = DayStep.step(LoanState.open(s), CONTRACT).state();
        assertThat(day0.interestAccruedToday()).isZero(); // no firstDayInterest: the contract day is free
        LoanState day1 = DayStep.step(day0, CONTRACT.plusDays(1)).state();
        // 10,000.00 x 0.10 / 365 = 2.7397260274 (10 decimals)
        assertThat(day1.interestAccruedToday()).isEqualByComparingTo("2.7397260274");
        assertThat(StatusSnapshot.of(day1, CalcSettings.DEFAULT).perdiem()).isEqualByComparingTo("2.74");
    }

    @Test
    void firstDayInterestAccruesOnTheContractDate() {
        Schedule s = Loans.schedule(Loans.monthlyActual().firstDayInterest(true));
        LoanState day0 = DayStep.step(LoanState.open(s), CONTRACT).state();
        assertThat(day0.interestAccruedToday()).isEqualByComparingTo("2.7397260274");
        assertThat(s.get(0).days()).isEqualTo(32);
    }

    @Test
    void frequencyBasisChargesOnePeriodicRateWhateverTheMonthLength() {
        // 12,000 at 12 %: a month's interest is 12000 x 0.01 = 120.00, spread over the month's days.
        Schedule s = Loans.schedule(Loans.monthlyFrequency());
        LoanState feb15 = Loans.stepThrough(LoanState.open(s), LocalDate.of(2023, 2, 15));
        assertThat(feb15.dueInterest()).isEqualByComparingTo("120.00");
        // The second period (Feb 16 - Mar 15) has 28 days: a February day accrues more than a January day.
        LoanState feb16 = DayStep.step(feb15, LocalDate.of(2023, 2, 16)).state();
        BigDecimal febDay = feb16.interestAccruedToday();
        BigDecimal janDay = Loans.stepThrough(LoanState.open(s), LocalDate.of(2023, 1, 20)).interestAccruedToday();
        assertThat(febDay).isGreaterThan(janDay);
    }

    @Test
    void installmentComesDueOnItsDateAndDaysPastDueCount() {
        Schedule s = Loans.schedule(Loans.monthlyFrequency());
        LoanState due = Loans.stepThrough(LoanState.open(s), LocalDate.of(2023, 2, 15));
        assertThat(due.amountDue()).isEqualByComparingTo(s.regularPayment());
        assertThat(due.daysPastDue()).isZero();
        assertThat(due.dateLastCurrent()).isEqualTo(LocalDate.of(2023, 2, 15));
        LoanState later = Loans.stepThrough(due, LocalDate.of(2023, 2, 25));
        assertThat(later.daysPastDue()).isEqualTo(10);
        assertThat(later.dateLastCurrent()).isEqualTo(LocalDate.of(2023, 2, 15));
        assertThat(StatusSnapshot.of(later, CalcSettings.DEFAULT).nextPaymentDate()).isEqualTo(LocalDate.of(2023, 3, 15));
    }

    @Test
    void paymentOnTheDueDateKeepsTheLoanCurrent() {
        Schedule s = Loans.schedule(Loans.monthlyFrequency());
        LoanState due = Loans.stepThrough(LoanState.open(s), LocalDate.of(2023, 2, 15));
        LoanState paid = PaymentApplier.apply(due, Payment.regular(1, due.date(), s.regularPayment().toPlainString()))
                .state();
        assertThat(paid.amountDue()).isZero();
        assertThat(paid.principalBalance()).isEqualByComparingTo(bd("12000.00").subtract(s.get(0).principal()));
        LoanState later = Loans.stepThrough(paid, LocalDate.of(2023, 3, 1));
        assertThat(later.daysPastDue()).isZero();
        assertThat(later.dateLastCurrent()).isEqualTo(LocalDate.of(2023, 3, 1));
    }

    @Test
    void payoffIsPrincipalPlusAccruedInterestPlusFeesWithTodayPerTenant() {
        Schedule s = Loans.schedule(Loans.monthlyActual());
        LoanState tenDays = Loans.stepThrough(LoanState.open(s), CONTRACT.plusDays(10));
        BigDecimal tenDaysInterest = bd("10000").multiply(bd("0.10")).multiply(BigDecimal.TEN)
                .divide(bd("365"), 2, RoundingMode.HALF_UP); // 27.40
        assertThat(tenDays.payoff(new CalcSettings(true))).isEqualByComparingTo(bd("10000.00").add(tenDaysInterest));
        BigDecimal nineDays = bd("10000").multiply(bd("0.10")).multiply(bd("9"))
                .divide(bd("365"), 2, RoundingMode.HALF_UP); // 24.66
        assertThat(tenDays.payoff(new CalcSettings(false))).isEqualByComparingTo(bd("10000.00").add(nineDays));
    }

    @Test
    void leapDayAccruesAtRateOver365AndCountsAsADay() {
        // Actual basis: Feb 2024 has 29 days, each at rate/365; the period Feb 15 - Mar 15 2024 has 29 days.
        Schedule s = Loans.schedule(Loans.monthlyActual().contractDate("2024-01-15").firstPaymentDate("2024-02-15"));
        assertThat(s.get(1).days()).isEqualTo(29);
        LoanState feb29 = Loans.stepThrough(LoanState.open(s), LocalDate.of(2024, 2, 29));
        BigDecimal expected = feb29.principalBalance().multiply(bd("0.10"))
                .divide(bd("365"), 10, RoundingMode.HALF_UP);
        assertThat(feb29.interestAccruedToday()).isEqualByComparingTo(expected);
    }

    @Test
    void stepRefusesToSkipOrRepeatADay() {
        Schedule s = Loans.schedule(Loans.monthlyActual());
        LoanState open = LoanState.open(s);
        assertThatThrownBy(() -> DayStep.step(open, CONTRACT.plusDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DayStep.step(open, CONTRACT.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dueAmountsInTheDayStepMatchTheScheduleWhenPaidOnTime() {
        for (Schedule s : List.of(Loans.schedule(Loans.monthlyFrequency()), Loans.schedule(Loans.monthlyActual()))) {
            List<DayRow> rows = Replayer.fromStart(s, CalcSettings.DEFAULT, Loans.payAsScheduled(s), s.last().dueDate());
            int k = 0;
            for (DayRow r : rows) {
                for (LoanEvent e : r.events()) {
                    if (e instanceof LoanEvent.InstallmentDue due) {
                        assertThat(due.amount()).as("installment %d", due.number()).isEqualByComparingTo(s.get(k++).payment());
                    }
                }
            }
            assertThat(k).isEqualTo(s.size());
            LoanState end = rows.get(rows.size() - 1).state();
            assertThat(end.isClosed()).isTrue();
            assertThat(end.payoff(CalcSettings.DEFAULT)).isZero();
        }
    }

    @Test
    void delinquencyHistory() {
        Schedule s = Loans.schedule(Loans.monthlyFrequency());
        LocalDate due = LocalDate.of(2023, 2, 15);
        LoanState tenLate = Loans.stepThrough(LoanState.open(s), due.plusDays(10));
        assertThat(tenLate.firstDelinquencyDate()).isEqualTo(due.plusDays(1));
        assertThat(tenLate.uniqueDelinquencies()).isEqualTo(1);
        assertThat(tenLate.delinquentDays()).isEqualTo(10);
        assertThat(tenLate.amountPastDue30()).isZero();
        LoanState thirtyLate = Loans.stepThrough(tenLate, due.plusDays(30));
        assertThat(thirtyLate.amountPastDue30()).isEqualByComparingTo(s.regularPayment());
        assertThat(thirtyLate.dateLastCurrent30()).isEqualTo(due.plusDays(29));
        // Catch up, then miss the next one: a second, separate delinquency.
        LoanState caughtUp = PaymentApplier.apply(thirtyLate, Payment.regular(1, thirtyLate.date(),
                thirtyLate.amountDue().toPlainString())).state();
        assertThat(caughtUp.dateLastCurrent()).isEqualTo(thirtyLate.date());
        LoanState again = Loans.stepThrough(caughtUp, LocalDate.of(2023, 4, 20));
        assertThat(again.uniqueDelinquencies()).isEqualTo(2);
        assertThat(again.firstDelinquencyDate()).isEqualTo(due.plusDays(1));
        StatusSnapshot row = StatusSnapshot.of(again, CalcSettings.DEFAULT);
        assertThat(row.daysPastDue()).isEqualTo(5); // the Mar 17 payment covered March; April 15 is unpaid
        assertThat(row.delinquentDays()).isEqualTo(30 + 5);
    }

    @Test
    void loanProSampleFirstPeriodAccruesOverItsFifteenRealDays() {
        // 15,000 at 4.7 %, contract 2020-08-17, first due 2020-09-01, forceRegular: the 15 real days carry a
        // 30-day period's interest at rate/365, 15000 x 0.047 x 30 / 365 = 57.95.
        Schedule s = Loans.schedule(org.openlms.engine.terms.LoanTerms.builder().loanAmount("15000.00").loanRate("4.7")
                .loanTerm(60).contractDate("2020-08-17").firstPaymentDate("2020-09-01")
                .firstPeriodDays(org.openlms.engine.terms.FirstPeriodDays.FORCE_REGULAR));
        LoanState due = Loans.stepThrough(LoanState.open(s), LocalDate.of(2020, 9, 1));
        assertThat(due.dueInterest()).isEqualByComparingTo("57.95");
        assertThat(due.duePrincipal()).isEqualByComparingTo("223.06");
        assertThat(s.get(0).interest()).isEqualByComparingTo("57.95");
    }
}
