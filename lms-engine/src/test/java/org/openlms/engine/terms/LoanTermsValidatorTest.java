package org.openlms.engine.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openlms.engine.schedule.ScheduleCalculator;

class LoanTermsValidatorTest {
    private static LoanTermsBuilder valid() {
        return LoanTerms.builder().loanAmount("1000.00").loanRate("5").loanTerm(12).contractDate("2023-01-01")
                .firstPaymentDate("2023-02-01");
    }

    @Test
    void validTermsHaveNoErrors() {
        assertThat(LoanTermsValidator.validate(valid().build())).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedWithItsReason() {
        LoanTerms t = valid().loanAmount("-1").loanRate("-2").loanTerm(0).firstPaymentDate("2022-12-31")
                .roundDecimals(3).graceDays(-1).build();
        assertThat(LoanTermsValidator.validate(t)).containsExactlyInAnyOrder(
                new FieldError("loanAmount", "must be greater than 0"),
                new FieldError("loanRate", "must not be negative"),
                new FieldError("loanTerm", "must be between 1 and 1200 payments"),
                new FieldError("firstPaymentDate", "must be after contractDate"),
                new FieldError("roundDecimals", "must be 0, 1 or 2"),
                new FieldError("graceDays", "must not be negative"));
    }

    @Test
    void missingFieldsAreRequired() {
        LoanTerms t = LoanTerms.builder().loanTerm(1).paymentFrequency(null).build();
        assertThat(LoanTermsValidator.validate(t)).extracting(FieldError::field)
                .contains("loanAmount", "loanRate", "contractDate", "firstPaymentDate", "paymentFrequency");
    }

    @Test
    void lateFeeFieldsFollowTheType() {
        assertThat(LoanTermsValidator.validate(valid().lateFee(LateFeeType.GREATER_OF, null, null,
                LateFeeCalc.STANDARD).build())).extracting(FieldError::field)
                .containsExactlyInAnyOrder("lateFeeAmount", "lateFeePercent");
        assertThat(LoanTermsValidator.validate(valid().lateFee(LateFeeType.PERCENTAGE, null, "101",
                LateFeeCalc.STANDARD).build())).containsExactly(new FieldError("lateFeePercent", "must be between 0 and 100"));
    }

    @Test
    void singlePaymentNeedsOneTermAndActualDays() {
        LoanTerms t = valid().paymentFrequency(PaymentFrequency.SINGLE).daysInYear(DaysInYear.FREQUENCY).build();
        assertThat(LoanTermsValidator.validate(t)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("loanTerm", "daysInYear");
    }

    @Test
    void scheduleRefusesInvalidTermsWithAllErrors() {
        assertThatThrownBy(() -> ScheduleCalculator.calculate(valid().loanTerm(0).graceDays(-1).build()))
                .isInstanceOf(InvalidTermsException.class)
                .satisfies(e -> assertThat(((InvalidTermsException) e).errors()).hasSize(2));
    }

    @Test
    void codesRoundTripAndUnsupportedOnesAreRefusedClearly() {
        for (PaymentFrequency f : PaymentFrequency.values()) {
            assertThat(PaymentFrequency.fromCode(f.code())).isEqualTo(f);
        }
        assertThat(PaymentFrequency.MONTHLY.code()).isEqualTo("loan.frequency.monthly");
        assertThat(CalcType.fromCode("loan.calcType.rule78")).isEqualTo(CalcType.RULE_78);
        assertThat(LoanRateType.fromCode("loan.rateType.biweekly")).isEqualTo(LoanRateType.BIWEEKLY);
        assertThat(LateFeeType.fromCode("loan.lateFee.4")).isEqualTo(LateFeeType.GREATER_OF);
        assertThatThrownBy(() -> CalcType.fromCode("loan.calcType.simpleIntLocked"))
                .isInstanceOf(UnknownCodeException.class)
                .hasMessageContaining("CalcType").hasMessageContaining("loan.calcType.simpleIntLocked")
                .hasMessageContaining("loan.calcType.simpleInterest");
        assertThatThrownBy(() -> PaymentFrequency.fromCode("loan.frequency.custom"))
                .isInstanceOf(UnknownCodeException.class);
    }

    @Test
    void rateTypesConvertToAnAnnualRate() {
        assertThat(LoanRateType.MONTHLY.annualFraction(new java.math.BigDecimal("1.5"))).isEqualByComparingTo("0.18");
        assertThat(LoanRateType.WEEKLY.annualFraction(new java.math.BigDecimal("0.1"))).isEqualByComparingTo("0.052");
    }
}
