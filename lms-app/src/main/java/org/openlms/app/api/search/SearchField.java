package org.openlms.app.api.search;

/**
 * One searchable field: the name clients use, the developer-written SQL column of the search source, how it
 * is matched and whether results carry it.
 */
public record SearchField(String name, String column, Kind kind, boolean answered) {

  public SearchField(String name, String column, Kind kind) {
    this(name, column, kind, true);
  }

  /** A field that can be queried but is not part of the answer (e.g. the names of all of a loan's customers). */
  static SearchField queryOnly(String name, String column, Kind kind) {
    return new SearchField(name, column, kind, false);
  }

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
