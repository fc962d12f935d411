package org.openlms.engine.state;

/** Tenant-level calculation settings that change figures but not the loan's terms. */
public record CalcSettings(boolean includeTodaysInterestInPayoff) {
    public static final CalcSettings DEFAULT = new CalcSettings(true);
}
