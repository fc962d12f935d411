package org.openlms.engine.payment;

import org.openlms.engine.terms.Coded;

/**
 * Where money beyond what is due goes (LoanSettings extraTowards / payment extra). PRINCIPAL reduces principal and
 * then, once principal is zero, accrued interest. NEXT_PERIODS pays accrued interest then principal and credits
 * the amount against the next installments, which advances the next due amount.
 */
public enum ExtraTowards implements Coded {
    PRINCIPAL("payment.extra.tx.principal"),
    NEXT_PERIODS("payment.extra.periods.next");

    private final String code;

    ExtraTowards(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ExtraTowards fromCode(String code) {
        return Coded.fromCode(ExtraTowards.class, code);
    }
}
