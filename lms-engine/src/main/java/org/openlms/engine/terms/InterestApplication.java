package org.openlms.engine.terms;

/** interestApplication: when a payment meets interest. */
public enum InterestApplication implements Coded {
    BETWEEN_TRANSACTIONS("loan.interestApplication.betweenTransactions"),
    BETWEEN_PERIODS("loan.interestApplication.betweenPeriods");

    private final String code;

    InterestApplication(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static InterestApplication fromCode(String code) {
        return Coded.fromCode(InterestApplication.class, code);
    }
}
