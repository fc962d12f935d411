package org.openlms.engine.terms;

/** daysInYear: actual (a day is rate/365) or frequency (a period is rate/periods per year). */
public enum DaysInYear implements Coded {
    ACTUAL("loan.daysInYear.actual"),
    FREQUENCY("loan.daysInYear.frequency");

    private final String code;

    DaysInYear(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static DaysInYear fromCode(String code) {
        return Coded.fromCode(DaysInYear.class, code);
    }
}
