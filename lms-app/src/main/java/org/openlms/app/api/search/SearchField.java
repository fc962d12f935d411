package org.openlms.app.api.search;

/**
 * One searchable field: the name clients use, the developer-written SQL column of the search source, and how
 * it is matched and answered.
 */
public record SearchField(String name, String column, Kind kind) {

  public enum Kind {
    /** Whole value, case-insensitive ({@code match} is equality; {@code query_string} wildcards span it all). */
    KEYWORD,
    /** Words ({@code match} on any word; {@code query_string} wildcards within a word). */
    TEXT,
    INTEGER,
    /** Money and rates: compared as numbers, answered as strings. */
    DECIMAL,
    /** A date, compared as a date and answered as {@code /Date(seconds)/}. */
    DATE,
    /** An SSN's last four digits: matched only as exactly four digits, answered masked. */
    SSN_LAST4;

    boolean isNumeric() {
      return this == INTEGER || this == DECIMAL;
    }

    boolean isText() {
      return this == KEYWORD || this == TEXT;
    }
  }
}
