package org.openlms.engine.terms;

import java.math.BigDecimal;

/** loanRateType: the period the quoted loanRate is expressed per; the engine works from the annual rate. */
public enum LoanRateType implements Coded {
    ANNUALLY("loan.rateType.annually", 1),
    SEMIANNUALLY("loan.rateType.semiannually", 2),
    MONTHLY("loan.rateType.monthly", 12),
    SEMIMONTHLY("loan.rateType.semimonthly", 24),
    BIWEEKLY("loan.rateType.biweekly", 26),
    WEEKLY("loan.rateType.weekly", 52);

    private final String code;
    private final int perYear;

    LoanRateType(String code, int perYear) {
        this.code = code;
        this.perYear = perYear;
    }

    @Override
    public String code() {
        return code;
    }

    /** The nominal annual rate as a fraction: 1.5 % monthly is 0.18. */
    public BigDecimal annualFraction(BigDecimal ratePercent) {
        return ratePercent.multiply(BigDecimal.valueOf(perYear)).movePointLeft(2);
    }

    public static LoanRateType fromCode(String code) {
        return Coded.fromCode(LoanRateType.class, code);
    }
}
