package org.openlms.app.api.odata.query;

/**
 * A lexical token of {@code $filter}. {@code position} is 1-based, counted in characters of the option value.
 * Literal tokens carry their decoded value: String, Long, BigDecimal or OffsetDateTime (UTC).
 */
record FilterToken(Kind kind, String text, Object value, int position) {
  enum Kind { IDENT, STRING, INTEGER, DECIMAL, DATETIME, LPAREN, RPAREN, COMMA, MINUS, SLASH, EOF }

  boolean is(Kind k) {
    return kind == k;
  }

  /** An identifier spelled exactly {@code word}: OData keywords and operators are lowercase. */
  boolean isWord(String word) {
    return kind == Kind.IDENT && text.equals(word);
  }

  String describe() {
    return kind == Kind.EOF ? "end of input" : "'" + Options.abbreviate(text) + "'";
  }
}
