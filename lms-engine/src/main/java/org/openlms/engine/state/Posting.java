package org.openlms.engine.state;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A money movement the day produced, for the ledger: what, when, how much (cents). */
public record Posting(LocalDate date, Type type, BigDecimal amount) {
    public enum Type {
        INTEREST_DUE,
        PRINCIPAL_DUE,
        LATE_FEE
    }
}
