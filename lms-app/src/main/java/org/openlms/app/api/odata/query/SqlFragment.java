package org.openlms.app.api.odata.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of SQL with {@code ?} placeholders and the values to bind to them, in order. The SQL text is made
 * only of code constants and developer-declared column expressions; everything a client wrote is a parameter.
 * Bind with {@code PreparedStatement.setObject(i + 1, params().get(i))}: values are String, Long, BigDecimal,
 * Boolean, LocalDate, OffsetDateTime (UTC) or Integer.
 */
public record SqlFragment(String sql, List<Object> params) {
  private static final SqlFragment EMPTY = new SqlFragment("", List.of());

  public SqlFragment {
    // not List.copyOf: it refuses null elements, and a caller may legitimately bind a SQL NULL
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  public static SqlFragment empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return sql.isEmpty();
  }

  /** One placeholder with an explicit SQL type, so PostgreSQL never has to guess the parameter type. */
  static SqlFragment param(Object value, String sqlType) {
    return new SqlFragment("CAST(? AS " + sqlType + ")", List.of(value));
  }

  /** Joins code-constant strings and fragments, keeping the parameters in the order of the text. */
  static SqlFragment concat(Object... parts) {
    StringBuilder sql = new StringBuilder();
    List<Object> params = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof SqlFragment f) {
        sql.append(f.sql);
        params.addAll(f.params);
      } else {
        sql.append((String) part);
      }
    }
    return new SqlFragment(sql.toString(), params);
  }
}
