package org.openlms.engine.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openlms.engine.payment.Application;
import org.openlms.engine.payment.ExtraTowards;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.payment.PaymentApplication;
import org.openlms.engine.payment.PaymentApplier;
import org.openlms.engine.payment.PaymentResult;
import org.openlms.engine.payment.Waterfall;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.schedule.ScheduleCalculator;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.DayStep;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.testing.RandomLoans;
import org.openlms.engine.testing.RandomLoans.Case;
import org.openlms.engine.testing.Loans;

/** Properties of the whole engine over random terms and random payment histories. */
class EngineProperties {
    private static final CalcSettings SETTINGS = CalcSettings.DEFAULT;

    /** Generated cases; the seed of each is in its name, so a failing case replays exactly. */
    static Stream<Case> cases150() {
        return RandomLoans.cases(150, 1_000L);
    }

    static Stream<Case> cases100() {
        return RandomLoans.cases(100, 2_000L);
    }

    /** Random payments: dates within the term (plus a month), amounts up to two regular payments, any order. */
    private static List<Payment> randomPayments(Schedule s, long seed, int count) {
        Random r = new Random(seed);
        LocalDate start = s.terms().contractDate();
        long span = java.time.temporal.ChronoUnit.DAYS.between(start, s.last().dueDate()) + 30;
        List<PaymentApplication> steps = new ArrayList<>(List.of(PaymentApplication.values()));
        List<Payment> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate d = start.plusDays(1 + (long) r.nextInt((int) span));
            long cents = 1 + r.nextInt(Math.max(2, s.regularPayment().movePointRight(2).intValue() * 2));
            java.util.Collections.shuffle(steps, r);
            Waterfall w = new Waterfall(steps.subList(0, 1 + r.nextInt(steps.size())));
            ExtraTowards extra = r.nextBoolean() ? ExtraTowards.PRINCIPAL : ExtraTowards.NEXT_PERIODS;
            out.add(new Payment(i + 1, d, BigDecimal.valueOf(cents, 2), w, extra, r.nextInt(8) == 0));
        }
        return out;
    }

    private static void assertNonNegative(LoanState s) {
        for (BigDecimal v : List.of(s.principalBalance(), s.unpostedInterest(), s.interestNotDue(), s.dueInterest(),
                s.duePrincipal(), s.dueFees(), s.prepaidCredit(), s.heldCredit(), s.perdiem())) {
            assertThat(v.signum()).as("%s on %s", v, s.date()).isGreaterThanOrEqualTo(0);
        }
        BigDecimal items = s.unpaid().stream().map(i -> i.remaining()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(items).isEqualByComparingTo(s.dueInterest().add(s.duePrincipal()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases150")
    void waterfallConservesMoneyAndBalancesNeverGoNegative(Case c) {
        LoanTerms t = c.terms();
        long seed = c.seed();
        Schedule s = ScheduleCalculator.calculate(t);
        List<Payment> payments = randomPayments(s, seed, 8);
        payments.sort(java.util.Comparator.comparing(Payment::date));
        LoanState state = LoanState.open(s);
        LocalDate end = s.last().dueDate().plusDays(40);
        int p = 0;
        while (state.date().isBefore(end)) {
            state = DayStep.step(state, state.date().plusDays(1)).state();
            while (p < payments.size() && payments.get(p).date().equals(state.date())) {
                Payment pay = payments.get(p++);
                LoanState before = state;
                PaymentResult r = PaymentApplier.apply(state, pay);
                Application a = r.application();
                assertThat(a.total()).isEqualByComparingTo(pay.amount());
                assertThat(List.of(a.fees(), a.interest(), a.principal(), a.held(), a.unapplied()))
                        .allMatch(v -> v.signum() >= 0);
                assertThat(before.principalBalance().subtract(r.state().principalBalance()))
                        .isEqualByComparingTo(a.principal());
                assertThat(before.dueFees().subtract(r.state().dueFees())).isEqualByComparingTo(a.fees());
                // What the loan owed fell by exactly what was applied to it.
                assertThat(before.payoff(SETTINGS).subtract(r.state().payoff(SETTINGS)))
                        .isEqualByComparingTo(a.fees().add(a.interest()).add(a.principal()));
                state = r.state();
            }
            assertNonNegative(state);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases150")
    void aLoanPaidAsBilledEndsAtZero(Case c) {
        LoanTerms t = c.terms();
        Schedule s = ScheduleCalculator.calculate(t);
        LoanState state = LoanState.open(s);
        BigDecimal paid = BigDecimal.ZERO;
        long id = 0;
        while (state.date().isBefore(s.last().dueDate())) {
            state = DayStep.step(state, state.date().plusDays(1)).state();
            if (state.amountDue().signum() > 0) {
                BigDecimal due = state.amountDue();
                state = PaymentApplier.apply(state, new Payment(++id, state.date(), due, Waterfall.REGULAR,
                        ExtraTowards.PRINCIPAL, false)).state();
                paid = paid.add(due);
            }
        }
        assertThat(state.isClosed()).as("closed at %s: %s", state.date(), state).isTrue();
        assertThat(state.payoff(SETTINGS)).isZero();
        assertThat(paid.signum()).isPositive();
    }

    /** Any terms: paying each scheduled amount on its due date meets every installment exactly and ends at zero. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases150")
    void aLoanPaidExactlyAsScheduledEndsAtZero(Case c) {
        LoanTerms t = c.terms();
        Schedule s = ScheduleCalculator.calculate(t);
        List<DayRow> rows = Replayer.fromStart(s, SETTINGS, Loans.payAsScheduled(s), s.last().dueDate());
        LoanState end = rows.get(rows.size() - 1).state();
        assertThat(end.isClosed()).as("closed: %s", end).isTrue();
        int k = 0;
        for (DayRow r : rows) {
            for (org.openlms.engine.state.LoanEvent e : r.events()) {
                if (e instanceof org.openlms.engine.state.LoanEvent.InstallmentDue due) {
                    assertThat(due.amount()).as("installment %d", due.number()).isEqualByComparingTo(s.get(k++).payment());
                }
            }
            for (Application a : r.payments()) {
                assertThat(a.unapplied()).isZero();
                assertThat(a.held()).isZero();
            }
            assertThat(r.status().daysPastDue()).isZero();
            assertThat(r.status().dueFees()).isZero();
        }
        assertThat(k).isEqualTo(s.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases100")
    void daysPastDueGrowByOneADayWithoutPayments(Case c) {
        LoanTerms any = c.terms();
        // At least 1,000.00 at 5 %, so even one day of interest-only is a cent or more and the first installment is due.
        LoanTerms t = any.toBuilder().loanAmount(any.loanAmount().add(new BigDecimal("1000")))
                .loanRate(any.loanRate().add(new BigDecimal("5"))).build();
        Schedule s = ScheduleCalculator.calculate(t);
        LoanState state = Loans.stepThrough(LoanState.open(s), s.dueDate(0));
        int before = state.daysPastDue();
        assertThat(before).isZero();
        for (int day = 1; day <= 90; day++) {
            state = DayStep.step(state, state.date().plusDays(1)).state();
            assertThat(state.daysPastDue()).isEqualTo(before + day);
            assertThat(state.dateLastCurrent()).isEqualTo(s.dueDate(0));
            assertThat(state.delinquentDays()).isEqualTo(day);
            assertThat(state.uniqueDelinquencies()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases100")
    void replayFromADateEqualsALoanThatHadThePaymentFromTheStart(Case c) {
        LoanTerms t = c.terms();
        long seed = c.seed();
        Schedule s = ScheduleCalculator.calculate(t);
        List<Payment> old = randomPayments(s, seed, 5);
        Payment late = randomPayments(s, ~seed, 1).get(0);
        Payment backDated = new Payment(99, late.date(), late.amount(), late.waterfall(), late.extra(),
                late.principalOnly());
        LocalDate through = s.last().dueDate().plusDays(10);
        List<DayRow> recorded = Replayer.fromStart(s, SETTINGS, old, through);
        LoanState dayBefore = recorded.stream().filter(r -> r.date().equals(backDated.date().minusDays(1)))
                .findFirst().map(DayRow::state).orElse(LoanState.open(s));
        List<Payment> now = new ArrayList<>(old);
        now.add(backDated);
        List<DayRow> replayed = Replayer.replayFrom(dayBefore, SETTINGS, now, through);
        List<DayRow> fresh = Replayer.fromStart(s, SETTINGS, now, through);
        assertThat(replayed).isEqualTo(fresh.subList(fresh.size() - replayed.size(), fresh.size()));
        // And reversing it again gives back the recorded loan.
        List<DayRow> reversed = Replayer.reverse(dayBefore, SETTINGS, now, 99, through);
        assertThat(reversed).isEqualTo(recorded.subList(recorded.size() - reversed.size(), recorded.size()));
    }
}
