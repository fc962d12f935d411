package org.openlms.engine.payment;

import org.openlms.engine.terms.Coded;

/**
 * One step of a payment type's application order, with LoanPro's names. The engine has no escrow, discount or
 * payoff-fee buckets, so those steps take nothing and the money flows on to the next step.
 */
public enum PaymentApplication implements Coded {
    FEES("payment.application.fees"),
    INTEREST("payment.application.interest"),
    PRINCIPAL("payment.application.principal"),
    ESCROW("payment.application.escrow"),
    DISCOUNT("payment.application.discount"),
    PAYOFF_FEES("payment.application.payoffFees"),
    PRINCIPAL_BALANCE("payment.application.principalBalance");

    private final String code;

    PaymentApplication(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static PaymentApplication fromCode(String code) {
        return Coded.fromCode(PaymentApplication.class, code);
    }
}
