package org.openlms.app.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * LoanPro's wire formats: dates as {@code /Date(<epoch seconds>)/} in UTC (a date-only value is midnight
 * UTC) and money as decimal strings.
 */
public final class ODataFormat {

  private ODataFormat() {}

  public static String date(LocalDate d) {
    return d == null ? null : "/Date(" + d.toEpochDay() * 86_400 + ")/"; // midnight UTC, without a ZonedDateTime
  }

  public static String date(Instant i) {
    return i == null ? null : "/Date(" + i.getEpochSecond() + ")/";
  }

  public static String money(BigDecimal v) {
    return v == null ? null : v.toPlainString();
  }
}
