package org.openlms.app.api.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.engine.terms.Coded;
import org.openlms.engine.terms.UnknownCodeException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;

/**
 * Reads LoanPro request values the way its clients send them: money and counts as numbers or strings, dates
 * as {@code YYYY-MM-DD}, {@code YYYY-MM-DD hh:mm:ss} or {@code /Date(epoch seconds)/}, flags as 1/0 or
 * true/false. Shared by the entity sets' JSON readers. Problems are collected per field ({@code LoanSetup.loanAmount: ...}) and reported together.
 */
public final class FieldReader {

  private static final Pattern ODATA_DATE = Pattern.compile("^/Date\\((-?\\d{1,12})\\)/$");
  private static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

  private final String entity;
  private final JsonNode node;
  private final List<String> errors = new ArrayList<>();

  public FieldReader(String entity, JsonNode node) {
    this.entity = entity;
    this.node = node;
  }

  public boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  public void fail(String field, String reason) {
    errors.add(entity + "." + field + ": " + reason);
  }

  public BigDecimal decimal(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      BigDecimal d = v.isNumber() ? v.decimalValue() : v.isString() ? new BigDecimal(v.asString().strip()) : null;
      if (d == null) {
        fail(field, "must be a number or a numeric string");
      } else if (d.abs().compareTo(MAX_MONEY) > 0 || d.scale() > 10) {
        fail(field, "is out of range");
      } else {
        return d;
      }
    } catch (NumberFormatException e) {
      fail(field, "must be a number, not '" + clip(v.asString()) + "'");
    } catch (JsonNodeException e) {
      fail(field, "is out of range"); // e.g. 1e400, which JSON parsing turned into an infinite double
    }
    return null;
  }

  public Integer integer(String field) {
    BigDecimal d = decimal(field);
    if (d == null) {
      return null;
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      fail(field, "must be a whole number");
      return null;
    }
  }

  public Boolean flag(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.isBoolean() ? String.valueOf(v.asBoolean()) : v.asString().strip().toLowerCase();
    if (s.equals("1") || s.equals("true") || s.endsWith(".yes")) {
      return true;
    }
    if (s.equals("0") || s.equals("false") || s.endsWith(".no")) {
      return false;
    }
    fail(field, "must be 1 or 0");
    return null;
  }

  public LocalDate date(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      fail(field, "must be a date as YYYY-MM-DD or /Date(seconds)/");
      return null;
    }
    String s = v.asString().strip();
    Matcher m = ODATA_DATE.matcher(s);
    try {
      LocalDate d = m.matches() ? Instant.ofEpochSecond(Long.parseLong(m.group(1))).atZone(ZoneOffset.UTC).toLocalDate()
          : LocalDate.parse(s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) : s);
      if (d.getYear() < 1900 || d.getYear() > 2200) {
        fail(field, "is out of range (years 1900 to 2200)");
        return null;
      }
      return d;
    } catch (DateTimeParseException | NumberFormatException e) {
      fail(field, "must be a date as YYYY-MM-DD or /Date(seconds)/, not '" + clip(s) + "'");
      return null;
    }
  }

  public String text(String field, int maxLength) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString() && !v.isNumber()) {
      fail(field, "must be a string");
      return null;
    }
    String s = v.asString();
    if (s.length() > maxLength) {
      fail(field, "is longer than " + maxLength + " characters");
      return null;
    }
    return s;
  }

  public <E extends Enum<E> & Coded> E code(String field, Class<E> type) {
    String s = text(field, 200);
    if (s == null) {
      return null;
    }
    try {
      return Coded.fromCode(type, s.strip());
    } catch (UnknownCodeException e) {
      fail(field, e.getMessage());
      return null;
    }
  }

  /** Throws the collected problems, if any, as one 409. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(String.join("; ", errors));
    }
  }

  public List<String> errors() {
    return errors;
  }

  public static String clip(String s) {
    return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
