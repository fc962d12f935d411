package org.openlms.engine.fees;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.openlms.engine.money.Money;

/**
 * How much a recurring charge (or an automation rule's charge) is on one loan today: a fixed amount, a percentage
 * of one of LoanPro's bases, or a contingency ("scaling") table of brackets over a base. A result of zero means
 * nothing is charged (a percentage of a zero base, or a base outside every bracket). Amounts are rounded half up
 * to cents once, at the end.
 */
public sealed interface ChargeCalculation {

    /** The amount for a loan whose bases are {@code bases}: zero or more, in cents. */
    BigDecimal amount(Bases bases);

    /** LoanPro's percentage bases ({@code charge.recurring.percentagebase.*}). */
    enum Base {
        /** Amount past due. */
        APD("apd"),
        /** Current principal balance. */
        CPB("cpb"),
        /** Next due amount. */
        NDA("nda"),
        /** The regular (scheduled) payment. */
        DPA("dpa"),
        /** Original loan amount. */
        OLA("ola");

        public final String code;

        Base(String code) {
            this.code = code;
        }

        public static Base of(String code) {
            for (Base b : values()) {
                if (b.code.equals(code)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown percentage base " + code);
        }
    }

    /** The loan's values a charge can be a percentage of, in cents. */
    record Bases(BigDecimal amountPastDue, BigDecimal principalBalance, BigDecimal nextDueAmount,
                 BigDecimal regularPayment, BigDecimal loanAmount) {
        public BigDecimal of(Base base) {
            BigDecimal v = switch (base) {
                case APD -> amountPastDue;
                case CPB -> principalBalance;
                case NDA -> nextDueAmount;
                case DPA -> regularPayment;
                case OLA -> loanAmount;
            };
            return v == null ? Money.ZERO : v;
        }
    }

    record Fixed(BigDecimal value) implements ChargeCalculation {
        public Fixed {
            requireMoney(value, "fixed amount");
        }

        @Override
        public BigDecimal amount(Bases bases) {
            return Money.round(value);
        }
    }

    /** {@code percent} per cent of the base (3 means 3 %). */
    record Percentage(BigDecimal percent, Base base) implements ChargeCalculation {
        public Percentage {
            requirePercent(percent);
            Objects.requireNonNull(base, "base");
        }

        @Override
        public BigDecimal amount(Bases bases) {
            return percentOf(percent, bases.of(base));
        }
    }

    /**
     * The first bracket whose range holds the base decides: its fixed amount, or its percentage of the base.
     * Brackets are ascending and do not overlap; a base outside every bracket is not charged.
     */
    record Contingency(Base base, List<Bracket> brackets) implements ChargeCalculation {
        public Contingency {
            Objects.requireNonNull(base, "base");
            brackets = List.copyOf(brackets);
            if (brackets.isEmpty()) {
                throw new IllegalArgumentException("a contingency needs at least one bracket");
            }
            for (int i = 1; i < brackets.size(); i++) {
                BigDecimal prevTo = brackets.get(i - 1).to();
                if (prevTo == null || brackets.get(i).from().compareTo(prevTo) <= 0) {
                    throw new IllegalArgumentException("bracket " + (i + 1) + " must start above the end of bracket " + i);
                }
            }
        }

        @Override
        public BigDecimal amount(Bases bases) {
            BigDecimal v = bases.of(base);
            for (Bracket b : brackets) {
                if (b.holds(v)) {
                    return b.fixed() != null ? Money.round(b.fixed()) : percentOf(b.percent(), v);
                }
            }
            return Money.ZERO;
        }
    }

    /** From {@code from} to {@code to} inclusive ({@code to} null: no upper end); exactly one of fixed or percent. */
    record Bracket(BigDecimal from, BigDecimal to, BigDecimal fixed, BigDecimal percent) {
        public Bracket {
            Objects.requireNonNull(from, "from");
            if (to != null && to.compareTo(from) < 0) {
                throw new IllegalArgumentException("bracket ends (" + to + ") before it starts (" + from + ")");
            }
            if ((fixed == null) == (percent == null)) {
                throw new IllegalArgumentException("a bracket has either a fixed amount or a percentage");
            }
            if (fixed != null) {
                requireMoney(fixed, "bracket amount");
            } else {
                requirePercent(percent);
            }
        }

        boolean holds(BigDecimal v) {
            return v.compareTo(from) >= 0 && (to == null || v.compareTo(to) <= 0);
        }
    }

    private static BigDecimal percentOf(BigDecimal percent, BigDecimal base) {
        if (base.signum() <= 0) {
            return Money.ZERO;
        }
        return Money.round(base.multiply(percent).movePointLeft(2));
    }

    private static void requireMoney(BigDecimal v, String what) {
        if (v == null || v.signum() <= 0 || v.stripTrailingZeros().scale() > 2 || v.compareTo(new BigDecimal("1000000000")) >= 0) {
            throw new IllegalArgumentException(what + " must be positive, below 1,000,000,000 and in cents, got " + v);
        }
    }

    private static void requirePercent(BigDecimal p) {
        if (p == null || p.signum() <= 0 || p.compareTo(new BigDecimal("100")) > 0 || p.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("percentage must be above 0 and at most 100, with at most 4 decimals, got " + p);
        }
    }
}
