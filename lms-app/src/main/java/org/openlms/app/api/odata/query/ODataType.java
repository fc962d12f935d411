package org.openlms.app.api.odata.query;

/** Value types a declared property can have; they decide which comparisons and functions are legal. */
public enum ODataType {
  STRING,
  INTEGER,
  DECIMAL,
  BOOLEAN,
  /** A date without time of day (SQL {@code date}); LoanPro treats it as midnight UTC. */
  DATE,
  /** An instant (SQL {@code timestamptz}); compared and decomposed in UTC. */
  DATETIME;

  boolean isNumeric() {
    return this == INTEGER || this == DECIMAL;
  }

  boolean isTemporal() {
    return this == DATE || this == DATETIME;
  }
}
