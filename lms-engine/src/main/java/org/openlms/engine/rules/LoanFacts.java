package org.openlms.engine.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The values of every {@link Fact} for one loan on one date, as a rule sees them. Immutable: an action that
 * changes the loan yields new facts, which the next rule in the tenant's order sees. A fact never set reads as
 * its type's zero (0, 0.0, "", false, the zero date, an empty list or map), so every declared variable is bound.
 */
public final class LoanFacts {

    /** LoanPro's "zero date", the value of a date that is not set. */
    public static final LocalDate ZERO_DATE = LocalDate.of(1, 1, 1);

    private final EnumMap<Fact, Object> values;

    private LoanFacts(EnumMap<Fact, Object> values) {
        this.values = values;
    }

    public static LoanFacts empty() {
        return new LoanFacts(new EnumMap<>(Fact.class));
    }

    public static Builder builder() {
        return new Builder(new EnumMap<>(Fact.class));
    }

    public LoanFacts with(Fact fact, long value) {
        return copy().set(fact, value).build();
    }

    public LoanFacts with(Fact fact, BigDecimal value) {
        return copy().set(fact, value).build();
    }

    public LoanFacts with(Fact fact, String value) {
        return copy().set(fact, value).build();
    }

    public LoanFacts with(Fact fact, boolean value) {
        return copy().set(fact, value).build();
    }

    public LoanFacts with(Fact fact, LocalDate value) {
        return copy().set(fact, value).build();
    }

    public LoanFacts withIds(Fact fact, Collection<Long> ids) {
        return copy().setIds(fact, ids).build();
    }

    public LoanFacts withMap(Fact fact, Map<String, String> map) {
        return copy().setMap(fact, map).build();
    }

    /** A builder starting from these facts, to change several at once. */
    public Builder toBuilder() {
        return copy();
    }

    private Builder copy() {
        return new Builder(new EnumMap<>(values));
    }

    /** Sets many facts at once (one copy instead of one per fact); each value is checked against its type. */
    public static final class Builder {
        private final EnumMap<Fact, Object> values;

        private Builder(EnumMap<Fact, Object> values) {
            this.values = values;
        }

        public Builder set(Fact fact, long value) {
            return put(fact, FactType.INT, value);
        }

        public Builder set(Fact fact, BigDecimal value) {
            return put(fact, FactType.DOUBLE, value == null ? 0.0 : value.doubleValue());
        }

        /** A double fact as CEL sees it, NaN and infinities included (for tests of the evaluators' edges). */
        Builder setDouble(Fact fact, double value) {
            return put(fact, FactType.DOUBLE, value);
        }

        public Builder set(Fact fact, String value) {
            return put(fact, FactType.STRING, value == null ? "" : value);
        }

        public Builder set(Fact fact, boolean value) {
            return put(fact, FactType.BOOL, value);
        }

        public Builder set(Fact fact, LocalDate value) {
            return put(fact, FactType.TIMESTAMP, instant(value == null ? ZERO_DATE : value));
        }

        public Builder setIds(Fact fact, Collection<Long> ids) {
            return put(fact, FactType.INT_LIST, List.copyOf(ids));
        }

        public Builder setMap(Fact fact, Map<String, String> map) {
            return put(fact, FactType.STRING_MAP, Map.copyOf(map));
        }

        public LoanFacts build() {
            return new LoanFacts(new EnumMap<>(values));
        }

        private Builder put(Fact fact, FactType type, Object value) {
            if (fact.type() != type) {
                throw new IllegalArgumentException(fact.variable() + " is " + fact.type() + ", not " + type);
            }
            values.put(fact, value);
            return this;
        }
    }

    /** The value as CEL sees it (Long, Double, String, Boolean, Instant, List or Map). */
    public Object get(Fact fact) {
        Object v = values.get(fact);
        return v != null ? v : zero(fact.type());
    }

    public long intValue(Fact fact) {
        return (Long) get(fact);
    }

    /**
     * A money fact in cents. CEL sees money as a double; amounts below 10^13 with two decimals survive the
     * round trip exactly (the shortest decimal form of the double is the amount itself).
     */
    public BigDecimal money(Fact fact) {
        return BigDecimal.valueOf((Double) get(fact)).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    public boolean boolValue(Fact fact) {
        return (Boolean) get(fact);
    }

    public String stringValue(Fact fact) {
        return (String) get(fact);
    }

    @SuppressWarnings("unchecked")
    public List<Long> ids(Fact fact) {
        return (List<Long>) get(fact);
    }

    static Instant instant(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Object zero(FactType type) {
        return switch (type) {
            case INT -> 0L;
            case DOUBLE -> 0.0;
            case STRING -> "";
            case BOOL -> false;
            case TIMESTAMP -> instant(ZERO_DATE);
            case INT_LIST, STRING_LIST -> List.of();
            case STRING_MAP -> Map.of();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoanFacts f && f.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "LoanFacts" + values;
    }
}
