package org.openlms.engine.terms;

/** lateFeeCalc: the condition under which a late fee is charged. */
public enum LateFeeCalc implements Coded {
    STANDARD("loan.lateFeeCalc.standard"),
    STANDARD_FEE("loan.lateFeeCalc.standardFee"),
    CURRENT("loan.lateFeeCalc.current");

    private final String code;

    LateFeeCalc(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static LateFeeCalc fromCode(String code) {
        return Coded.fromCode(LateFeeCalc.class, code);
    }
}
