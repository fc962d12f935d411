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
    return d == null ? null : dateOfEpochDay(d.toEpochDay());
  }

  /** The date {@code epochDay} days after 1970-01-01, at midnight UTC (without a ZonedDateTime). */
  public static String dateOfEpochDay(long epochDay) {
    return "/Date(" + epochDay * 86_400 + ")/";
  }

  public static String date(Instant i) {
    return i == null ? null : "/Date(" + i.getEpochSecond() + ")/";
  }

  public static String money(BigDecimal v) {
    return v == null ? null : v.toPlainString();
  }
}
