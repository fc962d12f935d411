package org.openlms.engine.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.engine.payment.Payment;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.LoanEvent;
import org.openlms.engine.terms.LateFeeCalc;
import org.openlms.engine.terms.LateFeeType;
import org.openlms.engine.terms.LoanTermsBuilder;
import org.openlms.engine.testing.Loans;

/** Monthly loan, payment 1066.19 (12,000 at 12 % over 12), first due 2023-02-15, grace 5: fee day is Feb 21. */
class LateFeeTest {
    private static final LocalDate DUE = LocalDate.of(2023, 2, 15);
    private static final LocalDate FEE_DAY = LocalDate.of(2023, 2, 21);

    private static LoanTermsBuilder loan(LateFeeType type, String amount, String percent, LateFeeCalc calc) {
        return Loans.monthlyFrequency().graceDays(5).lateFee(type, amount, percent, calc);
    }

    private static List<LoanEvent.LateFeeAssessed> fees(LoanTermsBuilder b, List<Payment> payments, LocalDate through) {
        Schedule s = Loans.schedule(b);
        return Replayer.fromStart(s, CalcSettings.DEFAULT, payments, through).stream()
                .flatMap(r -> r.events().stream())
                .filter(LoanEvent.LateFeeAssessed.class::isInstance).map(LoanEvent.LateFeeAssessed.class::cast)
                .toList();
    }

    @Test
    void regularPaymentOfTheFixture() {
        assertThat(Loans.schedule(Loans.monthlyFrequency()).regularPayment()).isEqualByComparingTo("1066.19");
    }

    @Test
    void feeIsAssessedOnceOnDueDatePlusGracePlusOne() {
        List<LoanEvent.LateFeeAssessed> f = fees(loan(LateFeeType.FIXED_AMOUNT, "25", null, LateFeeCalc.STANDARD),
                List.of(), LocalDate.of(2023, 3, 10));
        assertThat(f).containsExactly(new LoanEvent.LateFeeAssessed(FEE_DAY, 1, new BigDecimal("25.00")));
    }

    @Test
    void paymentOnTheLastGraceDayAvoidsTheFeeAndOnTheFeeDayIsTooLate() {
        LoanTermsBuilder b = loan(LateFeeType.FIXED_AMOUNT, "25", null, LateFeeCalc.STANDARD);
        assertThat(fees(b, List.of(Payment.regular(1, FEE_DAY.minusDays(1), "1066.19")), FEE_DAY)).isEmpty();
        assertThat(fees(b, List.of(Payment.regular(1, FEE_DAY, "1066.19")), FEE_DAY)).hasSize(1);
    }

    @Test
    void amountPerType() {
        // FIXED_AMOUNT and FLAT: the amount. PERCENTAGE: 5 % of 1066.19 = 53.31. GREATER_OF 25 vs 53.31, LESSER_OF.
        assertThat(fees(loan(LateFeeType.FLAT, "30", null, LateFeeCalc.STANDARD), List.of(), FEE_DAY).get(0).amount())
                .isEqualByComparingTo("30.00");
        assertThat(fees(loan(LateFeeType.PERCENTAGE, null, "5", LateFeeCalc.STANDARD), List.of(), FEE_DAY).get(0)
                .amount()).isEqualByComparingTo("53.31");
        assertThat(fees(loan(LateFeeType.GREATER_OF, "25", "5", LateFeeCalc.STANDARD), List.of(), FEE_DAY).get(0)
                .amount()).isEqualByComparingTo("53.31");
        assertThat(fees(loan(LateFeeType.LESSER_OF, "25", "5", LateFeeCalc.STANDARD), List.of(), FEE_DAY).get(0)
                .amount()).isEqualByComparingTo("25.00");
    }

    @Test
    void standardFeeChargesOnlyWhenPastDueExceedsTheFee() {
        LoanTermsBuilder b = loan(LateFeeType.FIXED_AMOUNT, "25", null, LateFeeCalc.STANDARD_FEE);
        // Paid all but 20.00: past due 20.00 is not more than the 25.00 fee.
        assertThat(fees(b, List.of(Payment.regular(1, DUE, "1046.19")), FEE_DAY)).isEmpty();
        // Paid all but 30.00: charged.
        assertThat(fees(b, List.of(Payment.regular(1, DUE, "1036.19")), FEE_DAY)).hasSize(1);
        // Standard charges even the 20.00 shortfall.
        assertThat(fees(loan(LateFeeType.FIXED_AMOUNT, "25", null, LateFeeCalc.STANDARD),
                List.of(Payment.regular(1, DUE, "1046.19")), FEE_DAY)).hasSize(1);
    }

    @Test
    void currentSkipsTheFeeWhenAPaymentWasMadeInThePeriod() {
        LoanTermsBuilder current = loan(LateFeeType.FIXED_AMOUNT, "25", null, LateFeeCalc.CURRENT);
        assertThat(fees(current, List.of(Payment.regular(1, DUE.plusDays(2), "100.00")), FEE_DAY)).isEmpty();
        assertThat(fees(current, List.of(), FEE_DAY)).hasSize(1);
        // A payment before the due date is not in the current period.
        assertThat(fees(current, List.of(Payment.regular(1, DUE.minusDays(3), "100.00")), FEE_DAY)).hasSize(1);
    }

    @Test
    void feesComeDueAndArePaidFirstByTheRegularWaterfall() {
        Schedule s = Loans.schedule(loan(LateFeeType.FIXED_AMOUNT, "25", null, LateFeeCalc.STANDARD));
        List<DayRow> rows = Replayer.fromStart(s, CalcSettings.DEFAULT,
                List.of(Payment.regular(1, FEE_DAY.plusDays(1), "25.00")), FEE_DAY.plusDays(1));
        DayRow feeDay = rows.get(rows.size() - 2);
        assertThat(feeDay.status().dueFees()).isEqualByComparingTo("25.00");
        assertThat(feeDay.status().amountDue()).isEqualByComparingTo("1091.19");
        DayRow paid = rows.get(rows.size() - 1);
        assertThat(paid.payments().get(0).fees()).isEqualByComparingTo("25.00");
        assertThat(paid.status().amountDue()).isEqualByComparingTo("1066.19");
    }

    @Test
    void noFeeWithoutALateFeeType() {
        assertThat(fees(Loans.monthlyFrequency().graceDays(5), List.of(), LocalDate.of(2023, 6, 1))).isEmpty();
    }

    @Test
    void aPaidInstallmentDrawsNoFeeEvenWhenTheNextOneFallsDueOnItsFeeDay() {
        // Weekly, grace 6: installment 1 (Jan 9) is decided on Jan 16, the day installment 2 falls due.
        LoanTermsBuilder weekly = Loans.monthlyFrequency().paymentFrequency(org.openlms.engine.terms.PaymentFrequency.WEEKLY)
                .contractDate("2023-01-02").firstPaymentDate("2023-01-09").graceDays(6)
                .lateFee(LateFeeType.FIXED_AMOUNT, "25", null, LateFeeCalc.STANDARD);
        Schedule s = Loans.schedule(weekly);
        List<Payment> first = List.of(new Payment(1, s.dueDate(0), s.get(0).payment(),
                org.openlms.engine.payment.Waterfall.REGULAR, org.openlms.engine.payment.ExtraTowards.PRINCIPAL, false));
        assertThat(fees(weekly, first, LocalDate.of(2023, 1, 16))).isEmpty();
        assertThat(fees(weekly, List.of(), LocalDate.of(2023, 1, 16)))
                .containsExactly(new LoanEvent.LateFeeAssessed(LocalDate.of(2023, 1, 16), 1, new BigDecimal("25.00")));
    }
}
