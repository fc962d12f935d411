package org.openlms.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.testing.Loans;

/** 12,000 at 12 %, 12 monthly payments of 1066.19 due on the 15th from 2023-02-15, never paid, with adjustments. */
class AdjustmentTest {
    private static final Schedule S = Loans.schedule(Loans.monthlyFrequency());
    private static final CalcSettings SETTINGS = CalcSettings.DEFAULT;

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static DayRow on(List<DayRow> rows, LocalDate date) {
        return rows.stream().filter(r -> r.date().equals(date)).findFirst().orElseThrow();
    }

    private static List<DayRow> run(List<Adjustment> adjustments, String through) {
        return Replayer.fromStart(S, SETTINGS, List.of(), List.of(), adjustments, d(through));
    }

    @Test
    void stoppedInterestDoesNotAccrueUntilResumed() {
        List<DayRow> plain = run(List.of(), "2023-03-12");
        List<DayRow> rows = run(List.of(new Adjustment(1, d("2023-03-03"), Adjustment.Kind.STOP_INTEREST),
            new Adjustment(2, d("2023-03-10"), Adjustment.Kind.RESUME_INTEREST)), "2023-03-12");
        BigDecimal atStop = on(rows, d("2023-03-03")).state().accruedInterest(true);
        // The day of the stop keeps its accrual; the six days after accrue nothing; the day after the resume does.
        assertThat(atStop).isEqualByComparingTo(on(plain, d("2023-03-03")).state().accruedInterest(true));
        assertThat(on(rows, d("2023-03-10")).state().accruedInterest(true)).isEqualByComparingTo(atStop);
        assertThat(on(rows, d("2023-03-09")).status().perdiem().signum()).isZero();
        assertThat(on(rows, d("2023-03-11")).state().interestAccruedToday().signum()).isPositive();
        assertThat(on(rows, d("2023-03-11")).status().perdiem()).isEqualByComparingTo(on(plain, d("2023-03-11")).status().perdiem());
        BigDecimal lost = on(plain, d("2023-03-12")).status().payoff().subtract(on(rows, d("2023-03-12")).status().payoff());
        BigDecimal sevenDays = on(plain, d("2023-03-05")).state().perdiem().multiply(BigDecimal.valueOf(7));
        assertThat(lost.subtract(sevenDays).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void resettingPastDueMakesTheLoanCurrentWithoutForgivingAnything() {
        List<DayRow> plain = run(List.of(), "2023-04-20");
        LocalDate reset = d("2023-04-01");
        List<DayRow> rows = run(List.of(new Adjustment(1, reset, Adjustment.Kind.RESET_PAST_DUE)), "2023-04-20");
        StatusSnapshot before = on(plain, reset).status();
        StatusSnapshot after = on(rows, reset).status();
        assertThat(before.daysPastDue()).isEqualTo(45); // 2023-02-15 unpaid
        assertThat(after.daysPastDue()).isZero();
        assertThat(after.amountDue()).isEqualByComparingTo(before.dueFees()); // late fees stay due
        assertThat(after.payoff()).isEqualByComparingTo(before.payoff());
        assertThat(after.principalBalance()).isEqualByComparingTo(before.principalBalance());
        // The next installment comes due as scheduled and is past due on its own from then on.
        StatusSnapshot later = on(rows, d("2023-04-20")).status();
        assertThat(later.daysPastDue()).isEqualTo(5);
        assertThat(later.payoff()).isEqualByComparingTo(on(plain, d("2023-04-20")).status().payoff());
    }

    @Test
    void aReplayFromAnyDayMakesTheSameAdjustmentsAgain() {
        List<Adjustment> adjustments = List.of(new Adjustment(1, d("2023-03-03"), Adjustment.Kind.STOP_INTEREST),
            new Adjustment(2, d("2023-04-01"), Adjustment.Kind.RESET_PAST_DUE),
            new Adjustment(3, d("2023-04-10"), Adjustment.Kind.RESUME_INTEREST));
        List<DayRow> all = run(adjustments, "2023-06-01");
        for (String from : new String[] {"2023-03-02", "2023-03-31", "2023-04-09"}) {
            LoanState start = on(all, d(from)).state();
            List<DayRow> again = Replayer.replayFrom(start, SETTINGS, List.of(), List.of(), adjustments, d("2023-06-01"));
            assertThat(again.get(again.size() - 1).state()).as("from " + from).isEqualTo(all.get(all.size() - 1).state());
        }
    }
}
