package org.openlms.engine.terms;

/** firstPeriodDays: how the first (possibly odd) period is charged. */
public enum FirstPeriodDays implements Coded {
    ACTUAL("loan.firstPeriodDays.actual"),
    FORCE_REGULAR("loan.firstPeriodDays.forceRegular"),
    FREQUENCY("loan.firstPeriodDays.frequency");

    private final String code;

    FirstPeriodDays(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static FirstPeriodDays fromCode(String code) {
        return Coded.fromCode(FirstPeriodDays.class, code);
    }
}
