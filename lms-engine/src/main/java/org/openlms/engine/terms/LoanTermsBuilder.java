package org.openlms.engine.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Builds {@link LoanTerms} with LoanPro-like defaults for the fields a caller leaves out. */
public final class LoanTermsBuilder {
    private BigDecimal loanAmount;
    private BigDecimal loanRate;
    private LoanRateType loanRateType = LoanRateType.ANNUALLY;
    private int loanTerm;
    private LocalDate contractDate;
    private LocalDate firstPaymentDate;
    private PaymentFrequency paymentFrequency = PaymentFrequency.MONTHLY;
    private CalcType calcType = CalcType.SIMPLE_INTEREST;
    private DaysInYear daysInYear = DaysInYear.ACTUAL;
    private FirstPeriodDays firstPeriodDays = FirstPeriodDays.ACTUAL;
    private boolean firstDayInterest;
    private InterestApplication interestApplication = InterestApplication.BETWEEN_TRANSACTIONS;
    private boolean lastAsFinal = true;
    private int roundDecimals = 2;
    private boolean dueDateOnLastDOM;
    private int graceDays;
    private LateFeeType lateFeeType;
    private BigDecimal lateFeeAmount;
    private BigDecimal lateFeePercent;
    private LateFeeCalc lateFeeCalc = LateFeeCalc.STANDARD;
    private LateFeePercentBase lateFeePercentBase = LateFeePercentBase.REGULAR;
    private List<DueDateChange> dueDateChanges = List.of();

    LoanTermsBuilder() {
    }

    LoanTermsBuilder(LoanTerms t) {
        loanAmount = t.loanAmount();
        loanRate = t.loanRate();
        loanRateType = t.loanRateType();
        loanTerm = t.loanTerm();
        contractDate = t.contractDate();
        firstPaymentDate = t.firstPaymentDate();
        paymentFrequency = t.paymentFrequency();
        calcType = t.calcType();
        daysInYear = t.daysInYear();
        firstPeriodDays = t.firstPeriodDays();
        firstDayInterest = t.firstDayInterest();
        interestApplication = t.interestApplication();
        lastAsFinal = t.lastAsFinal();
        roundDecimals = t.roundDecimals();
        dueDateOnLastDOM = t.dueDateOnLastDOM();
        graceDays = t.graceDays();
        lateFeeType = t.lateFeeType();
        lateFeeAmount = t.lateFeeAmount();
        lateFeePercent = t.lateFeePercent();
        lateFeeCalc = t.lateFeeCalc();
        lateFeePercentBase = t.lateFeePercentBase();
        dueDateChanges = t.dueDateChanges();
    }

    public LoanTermsBuilder loanAmount(String v) {
        loanAmount = new BigDecimal(v);
        return this;
    }

    public LoanTermsBuilder loanAmount(BigDecimal v) {
        loanAmount = v;
        return this;
    }

    public LoanTermsBuilder loanRate(String v) {
        loanRate = new BigDecimal(v);
        return this;
    }

    public LoanTermsBuilder loanRate(BigDecimal v) {
        loanRate = v;
        return this;
    }

    public LoanTermsBuilder loanRateType(LoanRateType v) {
        loanRateType = v;
        return this;
    }

    public LoanTermsBuilder loanTerm(int v) {
        loanTerm = v;
        return this;
    }

    public LoanTermsBuilder contractDate(LocalDate v) {
        contractDate = v;
        return this;
    }

    public LoanTermsBuilder contractDate(String v) {
        return contractDate(LocalDate.parse(v));
    }

    public LoanTermsBuilder firstPaymentDate(LocalDate v) {
        firstPaymentDate = v;
        return this;
    }

    public LoanTermsBuilder firstPaymentDate(String v) {
        return firstPaymentDate(LocalDate.parse(v));
    }

    public LoanTermsBuilder paymentFrequency(PaymentFrequency v) {
        paymentFrequency = v;
        return this;
    }

    public LoanTermsBuilder calcType(CalcType v) {
        calcType = v;
        return this;
    }

    public LoanTermsBuilder daysInYear(DaysInYear v) {
        daysInYear = v;
        return this;
    }

    public LoanTermsBuilder firstPeriodDays(FirstPeriodDays v) {
        firstPeriodDays = v;
        return this;
    }

    public LoanTermsBuilder firstDayInterest(boolean v) {
        firstDayInterest = v;
        return this;
    }

    public LoanTermsBuilder interestApplication(InterestApplication v) {
        interestApplication = v;
        return this;
    }

    public LoanTermsBuilder lastAsFinal(boolean v) {
        lastAsFinal = v;
        return this;
    }

    public LoanTermsBuilder roundDecimals(int v) {
        roundDecimals = v;
        return this;
    }

    public LoanTermsBuilder dueDateOnLastDOM(boolean v) {
        dueDateOnLastDOM = v;
        return this;
    }

    public LoanTermsBuilder graceDays(int v) {
        graceDays = v;
        return this;
    }

    public LoanTermsBuilder lateFee(LateFeeType type, String amount, String percent, LateFeeCalc calc) {
        lateFeeType = type;
        lateFeeAmount = amount == null ? null : new BigDecimal(amount);
        lateFeePercent = percent == null ? null : new BigDecimal(percent);
        lateFeeCalc = calc;
        return this;
    }

    public LoanTermsBuilder lateFeePercentBase(LateFeePercentBase v) {
        lateFeePercentBase = v;
        return this;
    }

    public LoanTermsBuilder dueDateChanges(List<DueDateChange> v) {
        dueDateChanges = v;
        return this;
    }

    public LoanTerms build() {
        return new LoanTerms(loanAmount, loanRate, loanRateType, loanTerm, contractDate, firstPaymentDate,
                paymentFrequency, calcType, daysInYear, firstPeriodDays, firstDayInterest, interestApplication,
                lastAsFinal, roundDecimals, dueDateOnLastDOM, graceDays, lateFeeType, lateFeeAmount, lateFeePercent,
                lateFeeCalc, lateFeePercentBase, dueDateChanges);
    }
}
