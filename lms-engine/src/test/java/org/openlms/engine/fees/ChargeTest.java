package org.openlms.engine.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.engine.payment.Application;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.DayStep;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.Posting;
import org.openlms.engine.state.StatusSnapshot;
import org.openlms.engine.testing.Loans;

/** 12,000 at 12 %, 12 monthly payments of 1066.19 due on the 15th from 2023-02-15, with charges. */
class ChargeTest {
    private static final Schedule S = Loans.schedule(Loans.monthlyFrequency());
    private static final CalcSettings SETTINGS = CalcSettings.DEFAULT;
    private static final LocalDate THROUGH = LocalDate.of(2023, 6, 1);
    private static final LocalDate MARCH_3 = LocalDate.of(2023, 3, 3);

    private static DayRow on(List<DayRow> rows, LocalDate d) {
        return rows.stream().filter(r -> r.date().equals(d)).findFirst().orElseThrow();
    }

    private static List<Payment> firstThreeOnTime() {
        List<Payment> p = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            p.add(Payment.regular(k + 1, S.dueDate(k), "1066.19"));
        }
        return p;
    }

    @Test
    void aChargeOnTheStatesDayRaisesDueFeesAmountDueAndPayoffByItsAmountAndNothingElse() {
        LoanState before = Loans.stepThrough(LoanState.open(S), MARCH_3);
        StatusSnapshot was = StatusSnapshot.of(before, SETTINGS);
        ChargeApplier.Result r = ChargeApplier.apply(before, Charge.of(1, MARCH_3, "25.00", "charge.types.nsf"), SETTINGS);
        StatusSnapshot now = r.status();
        assertThat(now).isEqualTo(StatusSnapshot.of(r.state(), SETTINGS));
        assertThat(now.dueFees().subtract(was.dueFees())).isEqualByComparingTo("25.00");
        assertThat(now.amountDue().subtract(was.amountDue())).isEqualByComparingTo("25.00");
        assertThat(now.payoff().subtract(was.payoff())).isEqualByComparingTo("25.00");
        assertThat(now.principalBalance()).isEqualTo(was.principalBalance());
        assertThat(now.daysPastDue()).isEqualTo(was.daysPastDue());
        assertThat(now.perdiem()).isEqualTo(was.perdiem());
        assertThat(now.nextPaymentAmount()).isEqualTo(was.nextPaymentAmount());
        // The next day accrues exactly what it would have without the charge: no interest on fees.
        LoanState nextWith = DayStep.step(r.state(), MARCH_3.plusDays(1)).state();
        LoanState nextWithout = DayStep.step(before, MARCH_3.plusDays(1)).state();
        assertThat(nextWith.unpostedInterest()).isEqualTo(nextWithout.unpostedInterest());
    }

    @Test
    void aChargeMustBeDatedOnTheStatesDay() {
        LoanState s = Loans.stepThrough(LoanState.open(S), MARCH_3);
        assertThatThrownBy(() -> ChargeApplier.apply(s, Charge.of(1, MARCH_3.plusDays(1), "5", "x"), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Charge.of(1, MARCH_3, "0", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Charge.of(1, MARCH_3, "-1", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Charge.of(1, MARCH_3, "1.001", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReplayAppliesAChargeAsTheSingleDayFunctionDoes() {
        Charge c = Charge.of(7, MARCH_3, "25.00", "charge.types.nsf");
        List<DayRow> with = Replayer.fromStart(S, SETTINGS, firstThreeOnTime(), List.of(c), THROUGH);
        List<DayRow> without = Replayer.fromStart(S, SETTINGS, firstThreeOnTime(), THROUGH);
        ChargeApplier.Result one = ChargeApplier.apply(on(without, MARCH_3).state(), c, SETTINGS);
        assertThat(on(with, MARCH_3).state()).isEqualTo(one.state());
        assertThat(on(with, MARCH_3).status()).isEqualTo(one.status());
        assertThat(on(with, MARCH_3).charges()).containsExactly(c);
        // Before its date the loan is untouched.
        assertThat(on(with, MARCH_3.minusDays(1))).isEqualTo(on(without, MARCH_3.minusDays(1)));
    }

    @Test
    void theNextPaymentPaysTheChargeFirstAndTheLoanFallsShortByThatMuch() {
        Charge c = Charge.of(7, MARCH_3, "25.00", "charge.types.nsf");
        List<DayRow> with = Replayer.fromStart(S, SETTINGS, firstThreeOnTime(), List.of(c), THROUGH);
        Application march = on(with, S.dueDate(1)).payments().get(0);
        assertThat(march.fees()).isEqualByComparingTo("25.00");
        assertThat(march.interest().add(march.principal())).isEqualByComparingTo("1041.19");
        StatusSnapshot after = on(with, S.dueDate(1)).status();
        assertThat(after.dueFees()).isZero();
        assertThat(after.amountDue()).isEqualByComparingTo("25.00"); // the installment is 25.00 short
        assertThat(after.daysPastDue()).isZero(); // today's installment is not late yet
    }

    @Test
    void aChargeOnTheDayOfAPaymentIsPaidByIt() {
        Charge c = Charge.of(7, S.dueDate(0), "10.00", "charge.types.other");
        List<DayRow> with = Replayer.fromStart(S, SETTINGS, firstThreeOnTime(), List.of(c), THROUGH);
        assertThat(on(with, S.dueDate(0)).payments().get(0).fees()).isEqualByComparingTo("10.00");
    }

    @Test
    void reversingAChargeReplaysTheLoanToWhatItWouldHaveBeenWithoutIt() {
        List<Charge> charges = List.of(Charge.of(7, MARCH_3, "25.00", "charge.types.nsf"),
                Charge.of(8, LocalDate.of(2023, 4, 20), "15.00", "charge.types.late"));
        List<DayRow> recorded = Replayer.fromStart(S, SETTINGS, firstThreeOnTime(), charges, THROUGH);
        LoanState dayBefore = on(recorded, MARCH_3.minusDays(1)).state();
        List<DayRow> reversed = Replayer.reverseCharge(dayBefore, SETTINGS, firstThreeOnTime(), charges, 7, THROUGH);
        List<DayRow> fresh = Replayer.fromStart(S, SETTINGS, firstThreeOnTime(), List.of(charges.get(1)), THROUGH);
        assertThat(reversed).isEqualTo(fresh.subList(fresh.size() - reversed.size(), fresh.size()));
        assertThat(reversed.get(0).date()).isEqualTo(MARCH_3);
    }

    @Test
    void moneyIsConservedWithChargesLateFeesAndPayments() {
        // A loan that charges late fees, two charges, payments that are late, short and early.
        Schedule s = Loans.schedule(Loans.monthlyFrequency().graceDays(5)
                .lateFee(org.openlms.engine.terms.LateFeeType.FLAT, "20.00", null,
                        org.openlms.engine.terms.LateFeeCalc.STANDARD));
        List<Charge> charges = List.of(Charge.of(1, LocalDate.of(2023, 2, 1), "30.00", "charge.types.other"),
                Charge.of(2, LocalDate.of(2023, 5, 2), "12.34", "charge.types.nsf"));
        List<Payment> payments = List.of(Payment.regular(1, LocalDate.of(2023, 2, 25), "1000.00"),
                Payment.regular(2, LocalDate.of(2023, 3, 15), "1200.00"),
                Payment.regular(3, LocalDate.of(2023, 5, 2), "500.00"),
                Payment.regular(4, LocalDate.of(2023, 5, 30), "3000.00"));
        List<DayRow> rows = Replayer.fromStart(s, SETTINGS, payments, charges, LocalDate.of(2023, 7, 1));
        BigDecimal charged = BigDecimal.ZERO;
        BigDecimal feesPaid = BigDecimal.ZERO;
        BigDecimal principalPaid = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        for (DayRow r : rows) {
            for (Posting p : r.postings()) {
                charged = p.type() == Posting.Type.LATE_FEE ? charged.add(p.amount()) : charged;
            }
            for (Charge c : r.charges()) {
                charged = charged.add(c.amount());
            }
            for (Application a : r.payments()) {
                feesPaid = feesPaid.add(a.fees());
                principalPaid = principalPaid.add(a.principal());
                paid = paid.add(a.total());
            }
        }
        LoanState end = rows.get(rows.size() - 1).state();
        assertThat(charged).isGreaterThan(new BigDecimal("42.34")); // at least one late fee besides the charges
        assertThat(feesPaid.add(end.dueFees())).isEqualByComparingTo(charged);
        assertThat(principalPaid.add(end.principalBalance())).isEqualByComparingTo("12000.00");
        assertThat(paid).isEqualByComparingTo("5700.00");
    }
}
