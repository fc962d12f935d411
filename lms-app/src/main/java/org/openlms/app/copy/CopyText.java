package org.openlms.app.copy;

import java.math.BigDecimal;

/** PostgreSQL COPY text format: {@code \N} for null; backslash, tab and line breaks escaped. */
public final class CopyText {

  private CopyText() {}

  /** Appends one value without a separator. */
  public static StringBuilder value(StringBuilder sb, Object value) {
    if (value == null) {
      return sb.append("\\N");
    }
    if (value instanceof BigDecimal d) {
      return sb.append(d.toPlainString()); // digits, sign and point: nothing to escape
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof java.time.LocalDate) {
      return sb.append(value);
    }
    String s = value.toString();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb;
  }

  /** Appends a whole row: values tab-separated, ended by a line break. */
  public static StringBuilder row(StringBuilder sb, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append('\t');
      }
      value(sb, values[i]);
    }
    return sb.append('\n');
  }
}
