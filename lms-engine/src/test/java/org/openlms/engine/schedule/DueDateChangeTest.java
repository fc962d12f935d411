package org.openlms.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.engine.money.Money;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.terms.DueDateChange;
import org.openlms.engine.terms.LateFeeCalc;
import org.openlms.engine.terms.LateFeeType;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/** Due dates moved after setup: the dates that follow, the changed period's interest, and servicing around it. */
class DueDateChangeTest {

    private static final LoanTerms TERMS = LoanTerms.builder().loanAmount("12000").loanRate("12").loanTerm(12)
            .contractDate("2025-01-15").firstPaymentDate("2025-02-15").paymentFrequency(PaymentFrequency.MONTHLY)
            .lateFee(LateFeeType.FIXED_AMOUNT, "25", null, LateFeeCalc.STANDARD).graceDays(5).build();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static LoanTerms with(LoanTerms t, DueDateChange... changes) {
        List<DueDateChange> all = new ArrayList<>(t.dueDateChanges());
        all.addAll(List.of(changes));
        return t.toBuilder().dueDateChanges(all).build();
    }

    @Test
    void theMovedDateAndEveryLaterOneFollowTheNewDate() {
        Schedule before = ScheduleCalculator.forServicing(TERMS);
        DueDateChange c = DueDates.change(before, d("2025-03-01"), d("2025-04-15"), d("2025-04-25"), false);
        assertThat(c.index()).isEqualTo(2);
        LoanTerms moved = with(TERMS, c);
        assertThat(DueDates.generate(moved, 5)).containsExactly(d("2025-02-15"), d("2025-03-15"), d("2025-04-25"),
                d("2025-05-25"), d("2025-06-25"));

        // A second change, to a month end with dueDateOnLastDOM, re-anchors from its own installment on.
        Schedule once = ScheduleCalculator.forServicing(moved);
        DueDateChange again = DueDates.change(once, d("2025-05-01"), d("2025-05-25"), d("2025-05-31"), true);
        assertThat(DueDates.generate(with(moved, again), 6)).containsExactly(d("2025-02-15"), d("2025-03-15"),
                d("2025-04-25"), d("2025-05-31"), d("2025-06-30"), d("2025-07-31"));

        // A later change at an earlier installment overrides the earlier change from there on.
        DueDateChange earlier = DueDates.change(once, d("2025-03-01"), d("2025-03-15"), d("2025-03-20"), false);
        assertThat(DueDates.generate(with(moved, earlier), 4)).containsExactly(d("2025-02-15"), d("2025-03-20"),
                d("2025-04-20"), d("2025-05-20"));
    }

    @Test
    void thePaymentStaysTheChangedPeriodAccruesItsDaysAndTheLastTakesTheRest() {
        Schedule before = ScheduleCalculator.forServicing(TERMS);
        Schedule after = ScheduleCalculator.forServicing(with(TERMS,
                DueDates.change(before, d("2025-03-01"), d("2025-04-15"), d("2025-04-25"), false)));
        assertThat(after.size()).isEqualTo(before.size());
        assertThat(after.regularPayment()).isEqualByComparingTo(before.regularPayment());
        for (int i = 0; i < 2; i++) {
            assertThat(after.get(i)).isEqualTo(before.get(i));
        }
        Installment changed = after.get(2);
        assertThat(changed.days()).isEqualTo(41); // Mar 15 -> Apr 25
        BigDecimal perDiem = Money.accrual(after.get(1).balance().multiply(changed.dailyRate()));
        assertThat(changed.interest()).isEqualByComparingTo(Money.round(perDiem.multiply(BigDecimal.valueOf(41))));
        assertThat(changed.interest()).isGreaterThan(before.get(2).interest());
        assertThat(after.get(2).payment()).isEqualByComparingTo(before.get(2).payment());
        // Ten more days of interest are owed in all, collected by the last installment.
        assertThat(after.last().payment()).isGreaterThan(before.last().payment());
        assertThat(after.last().balance()).isEqualByComparingTo("0");
        assertThat(after.last().dueDate()).isEqualTo(d("2026-01-25"));
    }

    @Test
    void servicingComesDueOnTheNewDateNotTheOld() {
        Schedule before = ScheduleCalculator.forServicing(TERMS);
        Schedule after = ScheduleCalculator.forServicing(with(TERMS,
                DueDates.change(before, d("2025-02-01"), d("2025-02-15"), d("2025-03-01"), false)));
        List<DayRow> rows = Replayer.fromStart(after, CalcSettings.DEFAULT, List.of(), d("2025-03-08"));
        DayRow onOldDate = row(rows, "2025-02-15");
        assertThat(onOldDate.status().nextPaymentDate()).isEqualTo(d("2025-03-01"));
        assertThat(onOldDate.status().amountDue()).isEqualByComparingTo("0");
        // Past the old date and its grace days: not late, no fee.
        assertThat(row(rows, "2025-02-28").status().daysPastDue()).isZero();
        assertThat(row(rows, "2025-02-28").events()).isEmpty();
        assertThat(row(rows, "2025-03-01").status().amountDue()).isEqualByComparingTo(after.get(0).payment());
        assertThat(row(rows, "2025-03-03").status().daysPastDue()).isEqualTo(2);
        assertThat(row(rows, "2025-03-08").status().nextPaymentDate()).isEqualTo(d("2025-04-01"));
        // The first period is now 45 days, not a regular month: its interest is 45 days' worth.
        assertThat(after.get(0).days()).isEqualTo(45);
        assertThat(after.get(0).interest()).isGreaterThan(before.get(0).interest());
    }

    @Test
    void onlyADueDateStillToComeMovesAndOnlyForward() {
        Schedule s = ScheduleCalculator.forServicing(TERMS);
        assertThatThrownBy(() -> DueDates.change(s, d("2025-03-01"), d("2025-04-10"), d("2025-04-20"), false))
                .hasMessageStartingWith("originalDate:").hasMessageContaining("not a due date");
        assertThatThrownBy(() -> DueDates.change(s, d("2025-03-20"), d("2025-03-15"), d("2025-04-01"), false))
                .hasMessageStartingWith("originalDate:").hasMessageContaining("has come due");
        assertThatThrownBy(() -> DueDates.change(s, d("2025-03-01"), d("2025-04-15"), d("2025-03-10"), false))
                .hasMessageStartingWith("newDate:").hasMessageContaining("due date before it");
        assertThatThrownBy(() -> DueDates.change(s, d("2025-03-01"), d("2025-04-15"), d("2025-02-20"), false))
                .hasMessageStartingWith("newDate:").hasMessageContaining("after 2025-03-01");
        assertThatThrownBy(() -> DueDates.change(s, d("2025-03-01"), d("2025-04-15"), d("2025-04-15"), false))
                .hasMessageStartingWith("newDate:").hasMessageContaining("same");
    }

    private static DayRow row(List<DayRow> rows, String date) {
        return rows.stream().filter(r -> r.date().equals(d(date))).findFirst().orElseThrow();
    }
}
