package org.openlms.engine.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.StatusSnapshot;
import org.openlms.engine.terms.InterestApplication;
import org.openlms.engine.terms.LateFeeCalc;
import org.openlms.engine.terms.LateFeeType;
import org.openlms.engine.terms.UnknownCodeException;
import org.openlms.engine.testing.Loans;

/** 12,000 at 12 %, 12 months, frequency basis: first installment 1066.19 = 120.00 interest + 946.19 principal. */
class PaymentApplierTest {
    private static final LocalDate DUE = LocalDate.of(2023, 2, 15);

    private static LoanState dueWithFee() {
        Schedule s = Loans.schedule(Loans.monthlyFrequency().lateFee(LateFeeType.FIXED_AMOUNT, "25", null,
                LateFeeCalc.STANDARD));
        return Loans.stepThrough(LoanState.open(s), DUE.plusDays(1)); // grace 0: the fee posts the day after
    }

    private static Payment pay(LocalDate d, String amount, Waterfall w, ExtraTowards extra) {
        return new Payment(1, d, new BigDecimal(amount), w, extra, false);
    }

    @Test
    void regularPaysFeesThenInterestThenPrincipal() {
        LoanState s = dueWithFee();
        assertThat(s.dueFees()).isEqualByComparingTo("25.00");
        Application a = PaymentApplier.apply(s, pay(s.date(), "100.00", Waterfall.REGULAR, ExtraTowards.PRINCIPAL))
                .application();
        assertThat(a).isEqualTo(new Application(new BigDecimal("25.00"), new BigDecimal("75.00"),
                new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00")));
    }

    @Test
    void anyOrderOfLoanProNames() {
        LoanState s = dueWithFee();
        Waterfall ipf = Waterfall.of("payment.application.interest", "payment.application.principal",
                "payment.application.fees");
        Application a = PaymentApplier.apply(s, pay(s.date(), "1070.00", ipf, ExtraTowards.PRINCIPAL)).application();
        assertThat(a.interest()).isEqualByComparingTo("120.00");
        assertThat(a.principal()).isEqualByComparingTo("946.19");
        assertThat(a.fees()).isEqualByComparingTo("3.81");
        assertThatThrownBy(() -> Waterfall.of("payment.application.bogus")).isInstanceOf(UnknownCodeException.class)
                .hasMessageContaining("payment.application.bogus");
    }

    @Test
    void extraGoesToPrincipal() {
        LoanState s = Loans.stepThrough(LoanState.open(Loans.schedule(Loans.monthlyFrequency())), DUE);
        PaymentResult r = PaymentApplier.apply(s, pay(DUE, "2066.19", Waterfall.REGULAR, ExtraTowards.PRINCIPAL));
        assertThat(r.application().principal()).isEqualByComparingTo("1946.19");
        assertThat(r.state().principalBalance()).isEqualByComparingTo("10053.81");
        // The next installment is still the regular amount: extra toward principal does not advance it.
        assertThat(StatusSnapshot.of(r.state(), CalcSettings.DEFAULT).nextPaymentAmount()).isEqualByComparingTo("1066.19");
    }

    @Test
    void extraTowardNextPeriodsReducesTheNextInstallment() {
        LoanState s = Loans.stepThrough(LoanState.open(Loans.schedule(Loans.monthlyFrequency())), DUE);
        PaymentResult r = PaymentApplier.apply(s, pay(DUE, "1566.19", Waterfall.REGULAR, ExtraTowards.NEXT_PERIODS));
        assertThat(StatusSnapshot.of(r.state(), CalcSettings.DEFAULT).nextPaymentAmount()).isEqualByComparingTo("566.19");
        LoanState next = Loans.stepThrough(r.state(), LocalDate.of(2023, 3, 15));
        assertThat(next.amountDue()).isEqualByComparingTo("566.19");
    }

    @Test
    void principalOnlyPaysPrincipalNotDueAndLeavesPastDueAlone() {
        LoanState s = Loans.stepThrough(LoanState.open(Loans.schedule(Loans.monthlyFrequency())), DUE);
        PaymentResult r = PaymentApplier.apply(s, Payment.principalOnly(1, DUE, "500.00"));
        assertThat(r.application().principal()).isEqualByComparingTo("500.00");
        assertThat(r.state().amountDue()).isEqualByComparingTo("1066.19");
        assertThat(r.state().principalBalance()).isEqualByComparingTo("11500.00");
    }

    @Test
    void moreThanThePayoffIsReturnedAsUnapplied() {
        LoanState s = Loans.stepThrough(LoanState.open(Loans.schedule(Loans.monthlyFrequency())), DUE.plusDays(3));
        BigDecimal payoff = s.payoff(CalcSettings.DEFAULT);
        PaymentResult r = PaymentApplier.apply(s, pay(s.date(), payoff.add(BigDecimal.TEN).toPlainString(),
                Waterfall.REGULAR, ExtraTowards.PRINCIPAL));
        assertThat(r.application().unapplied()).isEqualByComparingTo("10.00");
        assertThat(r.state().isClosed()).isTrue();
    }

    @Test
    void betweenPeriodsHoldsAnEarlyPaymentUntilTheDueDate() {
        Schedule s = Loans.schedule(Loans.monthlyFrequency().interestApplication(InterestApplication.BETWEEN_PERIODS));
        LoanState early = Loans.stepThrough(LoanState.open(s), DUE.minusDays(5));
        PaymentResult r = PaymentApplier.apply(early, pay(early.date(), "1066.19", Waterfall.REGULAR,
                ExtraTowards.PRINCIPAL));
        assertThat(r.application().held()).isEqualByComparingTo("1066.19");
        assertThat(r.state().principalBalance()).isEqualByComparingTo("12000.00");
        LoanState onDue = Loans.stepThrough(r.state(), DUE);
        assertThat(onDue.amountDue()).isZero();
        assertThat(onDue.principalBalance()).isEqualByComparingTo("11053.81"); // the whole period's interest was due
    }

    @Test
    void paymentMustBeAppliedOnItsOwnDate() {
        LoanState s = Loans.stepThrough(LoanState.open(Loans.schedule(Loans.monthlyFrequency())), DUE);
        assertThatThrownBy(() -> PaymentApplier.apply(s, Payment.regular(1, DUE.plusDays(1), "10.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Payment.regular(1, DUE, "10.001")).isInstanceOf(IllegalArgumentException.class);
    }
}
