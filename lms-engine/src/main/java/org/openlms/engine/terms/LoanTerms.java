package org.openlms.engine.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A loan's terms, named after LoanPro's LoanSetup fields so the API maps them one to one.
 * {@code loanRate} is a percentage per {@code loanRateType} (4.7 means 4.7 %). {@code lateFeeType} null means the
 * loan charges no late fees. Build with {@link #builder()}; validate with {@link LoanTermsValidator}.
 */
public record LoanTerms(
        BigDecimal loanAmount,
        BigDecimal loanRate,
        LoanRateType loanRateType,
        int loanTerm,
        LocalDate contractDate,
        LocalDate firstPaymentDate,
        PaymentFrequency paymentFrequency,
        CalcType calcType,
        DaysInYear daysInYear,
        FirstPeriodDays firstPeriodDays,
        boolean firstDayInterest,
        InterestApplication interestApplication,
        boolean lastAsFinal,
        int roundDecimals,
        boolean dueDateOnLastDOM,
        int graceDays,
        LateFeeType lateFeeType,
        BigDecimal lateFeeAmount,
        BigDecimal lateFeePercent,
        LateFeeCalc lateFeeCalc,
        LateFeePercentBase lateFeePercentBase,
        List<DueDateChange> dueDateChanges) {

    public LoanTerms {
        dueDateChanges = dueDateChanges == null ? List.of() : List.copyOf(dueDateChanges);
    }

    /** The nominal annual rate as a fraction (0.047 for 4.7 % annually). */
    public BigDecimal annualRate() {
        return loanRateType.annualFraction(loanRate);
    }

    public boolean chargesLateFees() {
        return lateFeeType != null;
    }

    public static LoanTermsBuilder builder() {
        return new LoanTermsBuilder();
    }

    public LoanTermsBuilder toBuilder() {
        return new LoanTermsBuilder(this);
    }
}
