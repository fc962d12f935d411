package org.openlms.engine.rules;

/**
 * The CEL type of a fact. Money and rates are CEL {@code double} (rules compare them, they never post them: an
 * action's amount is computed in {@code BigDecimal} outside CEL); dates are CEL {@code timestamp} at midnight
 * UTC, a missing date being LoanPro's zero date, 0001-01-01.
 */
public enum FactType {
    INT, DOUBLE, STRING, BOOL, TIMESTAMP, INT_LIST, STRING_LIST, STRING_MAP
}
