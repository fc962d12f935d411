package org.openlms.engine.terms;

/** calcType. Simple interest locked is not supported and is refused by fromCode. */
public enum CalcType implements Coded {
    SIMPLE_INTEREST("loan.calcType.simpleInterest"),
    INTEREST_ONLY("loan.calcType.interestOnly"),
    RULE_78("loan.calcType.rule78");

    private final String code;

    CalcType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static CalcType fromCode(String code) {
        return Coded.fromCode(CalcType.class, code);
    }
}
