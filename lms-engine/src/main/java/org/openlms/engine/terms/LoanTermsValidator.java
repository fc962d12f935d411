package org.openlms.engine.terms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Checks terms and reports every bad field with a reason, so an API can answer all problems at once. */
public final class LoanTermsValidator {
    private static final int MAX_TERM = 1200;
    private static final BigDecimal MAX_ANNUAL_RATE = new BigDecimal("10"); // 1000 % a year: surely a typo beyond

    private LoanTermsValidator() {
    }

    public static List<FieldError> validate(LoanTerms t) {
        List<FieldError> e = new ArrayList<>();
        if (t.loanAmount() == null) {
            e.add(new FieldError("loanAmount", "is required"));
        } else if (t.loanAmount().signum() <= 0) {
            e.add(new FieldError("loanAmount", "must be greater than 0"));
        } else if (t.loanAmount().stripTrailingZeros().scale() > 2) {
            e.add(new FieldError("loanAmount", "must have at most 2 decimals"));
        }
        required(e, "loanRateType", t.loanRateType());
        if (t.loanRate() == null) {
            e.add(new FieldError("loanRate", "is required"));
        } else if (t.loanRate().signum() < 0) {
            e.add(new FieldError("loanRate", "must not be negative"));
        } else if (t.loanRateType() != null && t.annualRate().compareTo(MAX_ANNUAL_RATE) > 0) {
            e.add(new FieldError("loanRate", "is above 1000 % a year"));
        }
        if (t.loanTerm() < 1 || t.loanTerm() > MAX_TERM) {
            e.add(new FieldError("loanTerm", "must be between 1 and " + MAX_TERM + " payments"));
        }
        required(e, "contractDate", t.contractDate());
        required(e, "firstPaymentDate", t.firstPaymentDate());
        if (t.contractDate() != null && t.firstPaymentDate() != null
                && !t.firstPaymentDate().isAfter(t.contractDate())) {
            e.add(new FieldError("firstPaymentDate", "must be after contractDate"));
        }
        required(e, "paymentFrequency", t.paymentFrequency());
        required(e, "calcType", t.calcType());
        required(e, "daysInYear", t.daysInYear());
        required(e, "firstPeriodDays", t.firstPeriodDays());
        required(e, "interestApplication", t.interestApplication());
        if (t.paymentFrequency() == PaymentFrequency.SINGLE) {
            if (t.loanTerm() != 1) {
                e.add(new FieldError("loanTerm", "must be 1 for a single payment loan"));
            }
            if (t.daysInYear() == DaysInYear.FREQUENCY) {
                e.add(new FieldError("daysInYear", "frequency has no regular period for a single payment; use actual"));
            }
        }
        if (t.dueDateOnLastDOM() && t.paymentFrequency() != null && t.paymentFrequency().monthsPerPeriod() == 0) {
            e.add(new FieldError("dueDateOnLastDOM", "applies only to monthly, quarterly, semiannual or annual payments"));
        }
        if (t.roundDecimals() < 0 || t.roundDecimals() > 2) {
            e.add(new FieldError("roundDecimals", "must be 0, 1 or 2"));
        }
        if (t.graceDays() < 0) {
            e.add(new FieldError("graceDays", "must not be negative"));
        }
        validateLateFee(t, e);
        for (DueDateChange c : t.dueDateChanges()) {
            if (c.index() > t.loanTerm()) { // loanTerm itself: the period a remainder rolls into
                e.add(new FieldError("dueDateChanges", "installment " + (c.index() + 1) + " is beyond the term"));
            }
            if (t.contractDate() != null && !c.newDate().isAfter(t.contractDate())) {
                e.add(new FieldError("dueDateChanges", "newDate " + c.newDate() + " must be after contractDate"));
            }
        }
        return e;
    }

    /** Throws {@link InvalidTermsException} listing every error, or returns the terms unchanged. */
    public static LoanTerms requireValid(LoanTerms t) {
        List<FieldError> errors = validate(t);
        if (!errors.isEmpty()) {
            throw new InvalidTermsException(errors);
        }
        return t;
    }

    private static void validateLateFee(LoanTerms t, List<FieldError> e) {
        if (t.lateFeeType() == null) {
            return;
        }
        required(e, "lateFeeCalc", t.lateFeeCalc());
        required(e, "lateFeePercentBase", t.lateFeePercentBase());
        boolean needsAmount = t.lateFeeType() != LateFeeType.PERCENTAGE;
        boolean needsPercent = t.lateFeeType() != LateFeeType.FIXED_AMOUNT && t.lateFeeType() != LateFeeType.FLAT;
        if (needsAmount) {
            if (t.lateFeeAmount() == null) {
                e.add(new FieldError("lateFeeAmount", "is required for lateFeeType " + t.lateFeeType().code()));
            } else if (t.lateFeeAmount().signum() < 0) {
                e.add(new FieldError("lateFeeAmount", "must not be negative"));
            }
        }
        if (needsPercent) {
            if (t.lateFeePercent() == null) {
                e.add(new FieldError("lateFeePercent", "is required for lateFeeType " + t.lateFeeType().code()));
            } else if (t.lateFeePercent().signum() < 0 || t.lateFeePercent().compareTo(BigDecimal.valueOf(100)) > 0) {
                e.add(new FieldError("lateFeePercent", "must be between 0 and 100"));
            }
        }
    }

    private static void required(List<FieldError> e, String field, Object value) {
        if (value == null) {
            e.add(new FieldError(field, "is required"));
        }
    }
}
