package org.openlms.app.customfield;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.errors.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Writes a loan's custom field values, each checked against its field's type, in the caller's transaction. */
public final class CustomFieldValues {

  /** Longest text value kept (a value is a field, not a document). */
  public static final int MAX_LENGTH = 10_000;

  /** Sets a loan's value of a field (loan_id, custom_field_id, value): by the API and by rules. */
  public static final String UPSERT = """
      INSERT INTO loan_custom_field_value (loan_id, custom_field_id, value) VALUES (?, ?, ?)
      ON CONFLICT (loan_id, custom_field_id) DO UPDATE SET value = EXCLUDED.value, last_update = now()""";
  /** Clears a loan's value of a field (loan_id, custom_field_id). */
  public static final String CLEAR = "DELETE FROM loan_custom_field_value WHERE loan_id = ? AND custom_field_id = ?";

  /** One value to set; a null value clears the field on the loan. */
  public record Change(long customFieldId, String value) {}

  private CustomFieldValues() {}

  /**
   * Sets the values on the loan, or refuses them all (a 409 naming the element) when a field does not exist or a
   * value does not parse as its field's type. Numbers, dates and booleans are stored in one canonical form
   * ({@code 12.50}, {@code 2026-01-31}, {@code 1}/{@code 0}), so rules compare them reliably.
   */
  public static void apply(JdbcClient db, long loanId, List<Change> changes) {
    if (changes == null || changes.isEmpty()) {
      return;
    }
    Map<Long, String> types = new HashMap<>();
    db.sql("SELECT id, type FROM custom_field WHERE id = ANY(?)")
        .param(changes.stream().map(Change::customFieldId).distinct().toArray(Long[]::new))
        .query((rs, n) -> types.put(rs.getLong("id"), rs.getString("type"))).list();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      String where = "LoanSettings.customFieldValues[" + i + "]";
      String type = types.get(c.customFieldId());
      if (type == null) {
        throw new InvalidInputException(where + ".customFieldId: " + c.customFieldId()
            + " is not a custom field of this tenant (see odata.svc/CustomFields)");
      }
      if (c.value() == null) {
        db.sql(CLEAR).params(loanId, c.customFieldId()).update();
        continue;
      }
      String value;
      try {
        value = canonical(type, c.value());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(where + ".customFieldValue: " + e.getMessage());
      }
      db.sql(UPSERT).params(loanId, c.customFieldId(), value).update();
    }
  }

  /**
   * A value as a client sends it (a JSON string, number or boolean; null clears) as text, before its type's check:
   * a boolean as 1 or 0, a number as written.
   */
  public static String text(JsonNode v) {
    return v.isNull() ? null : v.isBoolean() ? (v.asBoolean() ? "1" : "0")
        : v.isNumber() ? v.decimalValue().toPlainString() : v.asString();
  }

  /** The value in its field type's stored form, or an IllegalArgumentException saying what the type expects. */
  public static String canonical(String type, String raw) {
    String s = raw.strip();
    switch (type) {
      case "number" -> {
        try {
          BigDecimal d = new BigDecimal(s);
          if (d.abs().compareTo(new BigDecimal("1e15")) >= 0 || d.scale() > 10) {
            throw new IllegalArgumentException("a number field takes at most 15 digits before the point and 10 after");
          }
          return d.toPlainString();
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("a number field needs a number such as 12.50, not " + quote(raw));
        }
      }
      case "date" -> {
        try {
          LocalDate d = LocalDate.parse(s);
          if (d.getYear() < 1900 || d.getYear() > 2200) {
            throw new IllegalArgumentException("a date field takes years 1900 to 2200");
          }
          return d.toString();
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("a date field needs YYYY-MM-DD, not " + quote(raw));
        }
      }
      case "boolean" -> {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
          case "1", "true" -> "1";
          case "0", "false" -> "0";
          default -> throw new IllegalArgumentException("a boolean field takes 1 or 0 (true or false), not " + quote(raw));
        };
      }
      default -> {
        if (raw.length() > MAX_LENGTH) {
          throw new IllegalArgumentException("at most " + MAX_LENGTH + " characters");
        }
        return raw;
      }
    }
  }

  private static String quote(String raw) {
    return "'" + (raw.length() > 30 ? raw.substring(0, 30) + "..." : raw) + "'";
  }
}
