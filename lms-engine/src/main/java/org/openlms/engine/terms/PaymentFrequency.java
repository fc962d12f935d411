package org.openlms.engine.terms;

/**
 * paymentFrequency with its periods per year and the standard days of one period (used to charge an odd first
 * period under daysInYear frequency, and to decide whether a first period counts as regular). Custom schedules
 * are not supported and are refused by fromCode.
 */
public enum PaymentFrequency implements Coded {
    MONTHLY("loan.frequency.monthly", 12, 30, 1, 0),
    SEMIMONTHLY("loan.frequency.semimonthly", 24, 15, 0, 0),
    BIWEEKLY("loan.frequency.biWeekly", 26, 14, 0, 14),
    WEEKLY("loan.frequency.weekly", 52, 7, 0, 7),
    QUARTERLY("loan.frequency.quarterly", 4, 90, 3, 0),
    SEMIANNUALLY("loan.frequency.semiannually", 2, 180, 6, 0),
    ANNUALLY("loan.frequency.annually", 1, 360, 12, 0),
    /** One payment on firstPaymentDate; its only period runs from the contract date. */
    SINGLE("loan.frequency.single", 1, 360, 0, 0);

    private final String code;
    private final int periodsPerYear;
    private final int standardDays;
    private final int monthsPerPeriod;
    private final int daysPerPeriod;

    PaymentFrequency(String code, int periodsPerYear, int standardDays, int monthsPerPeriod, int daysPerPeriod) {
        this.code = code;
        this.periodsPerYear = periodsPerYear;
        this.standardDays = standardDays;
        this.monthsPerPeriod = monthsPerPeriod;
        this.daysPerPeriod = daysPerPeriod;
    }

    @Override
    public String code() {
        return code;
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }

    /** Days in a standard period: 30 for monthly, 15 semimonthly, 14, 7, 90, 180, 360. */
    public int standardDays() {
        return standardDays;
    }

    /** Calendar months between due dates, 0 when the step is in days (or semimonthly). */
    public int monthsPerPeriod() {
        return monthsPerPeriod;
    }

    /** Days between due dates for weekly and bi-weekly, else 0. */
    public int daysPerPeriod() {
        return daysPerPeriod;
    }

    public static PaymentFrequency fromCode(String code) {
        return Coded.fromCode(PaymentFrequency.class, code);
    }
}
