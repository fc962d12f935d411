package org.openlms.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.StatusSnapshot;
import org.openlms.engine.testing.Loans;

/** 12,000 at 12 %, 12 monthly payments of 1066.19 due on the 15th from 2023-02-15, frequency basis. */
class ReplayerTest {
    private static final Schedule S = Loans.schedule(Loans.monthlyFrequency());
    private static final CalcSettings SETTINGS = CalcSettings.DEFAULT;
    private static final LocalDate THROUGH = LocalDate.of(2023, 6, 1);

    private static List<Payment> firstThreeOnTime() {
        List<Payment> p = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            p.add(Payment.regular(k + 1, S.dueDate(k), "1066.19"));
        }
        return p;
    }

    private static DayRow on(List<DayRow> rows, LocalDate d) {
        return rows.stream().filter(r -> r.date().equals(d)).findFirst().orElseThrow();
    }

    @Test
    void backDatedPaymentReplaysToTheSameLoanAsHavingItFromTheStart() {
        List<DayRow> recorded = Replayer.fromStart(S, SETTINGS, firstThreeOnTime(), THROUGH);
        Payment backDated = Payment.principalOnly(10, LocalDate.of(2023, 3, 1), "1000.00");
        List<Payment> now = new ArrayList<>(firstThreeOnTime());
        now.add(backDated);
        LoanDayBefore before = new LoanDayBefore(on(recorded, backDated.date().minusDays(1)));
        List<DayRow> replayed = Replayer.replayFrom(before.row().state(), SETTINGS, now, THROUGH);
        List<DayRow> fresh = Replayer.fromStart(S, SETTINGS, now, THROUGH);
        assertThat(replayed.get(0).date()).isEqualTo(backDated.date());
        assertThat(replayed).isEqualTo(fresh.subList(fresh.size() - replayed.size(), fresh.size()));
        // The principal-only payment saved interest: at 1 % a month on 1,000.00 from Mar 2 to Mar 15 is
        // 14/28 of 10.00 = 5.00 in the March period (frequency basis spreads 1 % over February-March's 28 days).
        StatusSnapshot withIt = on(fresh, LocalDate.of(2023, 3, 15)).status();
        StatusSnapshot without = on(recorded, LocalDate.of(2023, 3, 15)).status();
        assertThat(without.principalBalance().subtract(withIt.principalBalance())).isEqualByComparingTo("1005.00");
    }

    @Test
    void reversingAPaymentMakesTheLoanPastDueFromThatDueDate() {
        List<Payment> paid = firstThreeOnTime();
        List<DayRow> recorded = Replayer.fromStart(S, SETTINGS, paid, THROUGH);
        LocalDate secondDue = S.dueDate(1); // 2023-03-15
        assertThat(on(recorded, LocalDate.of(2023, 5, 1)).status().daysPastDue()).isZero();
        assertThat(on(recorded, THROUGH).status().daysPastDue()).isEqualTo(17); // May 15 unpaid in both
        List<DayRow> reversed = Replayer.reverse(on(recorded, secondDue.minusDays(1)).state(), SETTINGS, paid, 2,
                THROUGH);
        StatusSnapshot after = reversed.get(reversed.size() - 1).status();
        // The April payment paid March's installment instead, so April's is the one unpaid: 47 days on June 1.
        assertThat(after.daysPastDue()).isEqualTo(47);
        assertThat(after.amountDue()).isEqualByComparingTo(new BigDecimal("2132.38")); // April and May
        assertThat(after.dateLastCurrent()).isEqualTo(LocalDate.of(2023, 4, 15));
        List<DayRow> fresh = Replayer.fromStart(S, SETTINGS, paid.stream().filter(p -> p.id() != 2).toList(), THROUGH);
        assertThat(reversed).isEqualTo(fresh.subList(fresh.size() - reversed.size(), fresh.size()));
    }

    @Test
    void archiveFromADateIsTheTailOfARunFromTheStart() {
        List<DayRow> all = Replayer.fromStart(S, SETTINGS, firstThreeOnTime(), THROUGH);
        List<DayRow> tail = Replayer.archiveFrom(S, SETTINGS, firstThreeOnTime(), LocalDate.of(2023, 4, 1), THROUGH);
        assertThat(tail.get(0).date()).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(tail).isEqualTo(all.subList(all.size() - tail.size(), all.size()));
    }

    @Test
    void finalInstallmentIsProjectedAndAPaidOffLoanHasNoNextPayment() {
        List<Payment> all = new ArrayList<>();
        for (int k = 0; k < S.size(); k++) {
            all.add(new Payment(k + 1, S.dueDate(k), S.get(k).payment(), org.openlms.engine.payment.Waterfall.REGULAR,
                    org.openlms.engine.payment.ExtraTowards.PRINCIPAL, false));
        }
        LocalDate end = S.last().dueDate();
        List<DayRow> rows = Replayer.fromStart(S, SETTINGS, all, end.plusDays(3));
        StatusSnapshot beforeLast = on(rows, end.minusDays(10)).status();
        assertThat(beforeLast.nextPaymentDate()).isEqualTo(end);
        assertThat(beforeLast.nextPaymentAmount()).isEqualByComparingTo(S.last().payment());
        StatusSnapshot after = on(rows, end.plusDays(3)).status();
        assertThat(after.payoff()).isZero();
        assertThat(after.nextPaymentDate()).isNull();
        assertThat(after.nextPaymentAmount()).isZero();
        assertThat(after.periodsRemaining()).isZero();
        assertThat(on(rows, end).events()).anyMatch(e -> e instanceof org.openlms.engine.state.LoanEvent.InstallmentDue);
    }

    private record LoanDayBefore(DayRow row) {
    }
}
