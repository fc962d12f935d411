package org.openlms.app.api.odata.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openlms.app.api.odata.query.FilterToken.Kind;

/** Splits a {@code $filter} value into tokens; decodes string, number and datetime literals. */
final class FilterLexer {
  private final String in;
  private int i;

  private FilterLexer(String in) {
    this.in = in;
  }

  static List<FilterToken> tokenize(String input) {
    FilterLexer lexer = new FilterLexer(input);
    List<FilterToken> out = new ArrayList<>();
    FilterToken t;
    do {
      t = lexer.next();
      out.add(t);
    } while (!t.is(Kind.EOF));
    return out;
  }

  private FilterToken next() {
    while (i < in.length() && Character.isWhitespace(in.charAt(i))) {
      i++;
    }
    int start = i;
    if (i >= in.length()) {
      return new FilterToken(Kind.EOF, "", null, start + 1);
    }
    char c = in.charAt(i);
    switch (c) {
      case '(': i++; return new FilterToken(Kind.LPAREN, "(", null, start + 1);
      case ')': i++; return new FilterToken(Kind.RPAREN, ")", null, start + 1);
      case ',': i++; return new FilterToken(Kind.COMMA, ",", null, start + 1);
      case '-': i++; return new FilterToken(Kind.MINUS, "-", null, start + 1);
      case '/': i++; return new FilterToken(Kind.SLASH, "/", null, start + 1);
      case '\'':
        String value = quoted();
        return new FilterToken(Kind.STRING, in.substring(start, i), value, start + 1);
      default: break;
    }
    if (c >= '0' && c <= '9') {
      return number(start);
    }
    if (Character.isLetter(c) || c == '_') {
      while (i < in.length() && (Character.isLetterOrDigit(in.charAt(i)) || in.charAt(i) == '_')) {
        i++;
      }
      String word = in.substring(start, i);
      // a quote right after an operator (title eq'x') starts a string, not a typed literal
      boolean keyword = BinaryOperator.ignoringCase(word).isPresent() || word.equalsIgnoreCase("not");
      if (i < in.length() && in.charAt(i) == '\'' && !keyword) {
        return typedLiteral(word, start);
      }
      return new FilterToken(Kind.IDENT, word, null, start + 1);
    }
    throw new ODataQueryException("Malformed $filter: unexpected character " + printable(c)
        + " at position " + (start + 1));
  }

  /** Reads a '...' literal at {@code i}; a doubled quote stands for one quote. */
  private String quoted() {
    int start = i++;
    StringBuilder sb = new StringBuilder();
    while (i < in.length()) {
      char c = in.charAt(i++);
      if (c == '\u0000') {
        // PostgreSQL text cannot hold NUL; refusing here beats a database error later
        throw new ODataQueryException("Malformed $filter: string literal contains U+0000 at position " + i);
      }
      if (c != '\'') {
        sb.append(c);
      } else if (i < in.length() && in.charAt(i) == '\'') {
        sb.append('\'');
        i++;
      } else {
        return sb.toString();
      }
    }
    throw new ODataQueryException("Malformed $filter: unterminated string literal starting at position "
        + (start + 1));
  }

  private FilterToken typedLiteral(String prefix, int start) {
    String body = quoted();
    String text = in.substring(start, i);
    switch (prefix.toLowerCase(Locale.ROOT)) {
      case "datetime":
        return new FilterToken(Kind.DATETIME, text, DateTimeLiterals.datetime(body, start + 1), start + 1);
      case "datetimeoffset":
        return new FilterToken(Kind.DATETIME, text, DateTimeLiterals.datetimeOffset(body, start + 1), start + 1);
      default:
        throw new ODataQueryException("Unsupported literal type '" + prefix + "' in $filter at position "
            + (start + 1) + " (supported: strings, numbers, true, false, null, datetime, datetimeoffset)");
    }
  }

  private FilterToken number(int start) {
    digits();
    boolean decimal = false;
    if (i + 1 < in.length() && in.charAt(i) == '.' && isDigit(in.charAt(i + 1))) {
      i++;
      digits();
      decimal = true;
    }
    if (i < in.length() && (in.charAt(i) == 'e' || in.charAt(i) == 'E')) {
      i++;
      if (i < in.length() && (in.charAt(i) == '+' || in.charAt(i) == '-')) {
        i++;
      }
      if (i >= in.length() || !isDigit(in.charAt(i))) {
        throw malformedNumber(start);
      }
      digits();
      decimal = true;
    }
    int end = i;
    char suffix = i < in.length() ? Character.toLowerCase(in.charAt(i)) : ' ';
    if (suffix == 'm' || suffix == 'd' || suffix == 'f') {
      decimal = true;
      i++;
    } else if (suffix == 'l' && !decimal) {
      i++;
    }
    if (i < in.length() && (Character.isLetterOrDigit(in.charAt(i)) || in.charAt(i) == '_' || in.charAt(i) == '.')) {
      throw malformedNumber(start);
    }
    String text = in.substring(start, i);
    BigDecimal value;
    try {
      value = new BigDecimal(in.substring(start, end));
    } catch (NumberFormatException e) {
      value = null; // an exponent beyond int range
    }
    if (value == null || value.scale() > 1000 || value.scale() < -1000) {
      throw new ODataQueryException("Number '" + Options.abbreviate(text) + "' in $filter at position "
          + (start + 1) + " is out of range");
    }
    if (!decimal && value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return new FilterToken(Kind.INTEGER, text, value.longValueExact(), start + 1);
    }
    return new FilterToken(Kind.DECIMAL, text, value, start + 1);
  }

  private void digits() {
    while (i < in.length() && isDigit(in.charAt(i))) {
      i++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private ODataQueryException malformedNumber(int start) {
    int end = i;
    while (end < in.length() && Character.isLetterOrDigit(in.charAt(end))) {
      end++;
    }
    return new ODataQueryException("Malformed $filter: invalid number '" + in.substring(start, Math.min(end, start + 40))
        + "' at position " + (start + 1));
  }

  static String printable(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }
}
