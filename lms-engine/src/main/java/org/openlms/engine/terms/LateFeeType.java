package org.openlms.engine.terms;

/** lateFeeType (SDK constant names; LoanPro's own labels are not public). FIXED_AMOUNT and FLAT both charge lateFeeAmount. */
public enum LateFeeType implements Coded {
    FIXED_AMOUNT("loan.lateFee.1"),
    FLAT("loan.lateFee.2"),
    PERCENTAGE("loan.lateFee.3"),
    GREATER_OF("loan.lateFee.4"),
    LESSER_OF("loan.lateFee.5");

    private final String code;

    LateFeeType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static LateFeeType fromCode(String code) {
        return Coded.fromCode(LateFeeType.class, code);
    }
}
