package org.openlms.engine.terms;

/** lateFeePercentBase. Only the regular payment is supported (the engine has no escrow or hold buckets). */
public enum LateFeePercentBase implements Coded {
    REGULAR("loan.latefeepercentbase.regular");

    private final String code;

    LateFeePercentBase(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static LateFeePercentBase fromCode(String code) {
        return Coded.fromCode(LateFeePercentBase.class, code);
    }
}
