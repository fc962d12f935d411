package org.openlms.app.api.odata.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bodies of {@code datetime'...'} and {@code datetimeoffset'...'} literals to UTC instants.
 * Date-only datetime literals ({@code datetime'2021-03-17'}) are accepted as midnight UTC: LoanPro documents
 * them and clients send them, although strict OData v2 requires a time part.
 */
final class DateTimeLiterals {
  private static final Pattern DATETIME = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?Z?)?");

  private DateTimeLiterals() {
  }

  static OffsetDateTime datetime(String body, int position) {
    Matcher m = DATETIME.matcher(body);
    if (!m.matches()) {
      throw invalid("datetime", body, position);
    }
    try {
      LocalDate date = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
      LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT
          : LocalTime.of(num(m, 4), num(m, 5), m.group(6) == null ? 0 : num(m, 6), nanos(m.group(7)));
      return OffsetDateTime.of(date, time, ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw invalid("datetime", body, position);
    }
  }

  static OffsetDateTime datetimeOffset(String body, int position) {
    try {
      return OffsetDateTime.parse(body).withOffsetSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw invalid("datetimeoffset", body, position);
    }
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int nanos(String fraction) {
    return fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
  }

  private static ODataQueryException invalid(String kind, String body, int position) {
    return new ODataQueryException("Malformed $filter: invalid " + kind + " literal '" + body
        + "' at position " + position + " (expected e.g. " + kind
        + (kind.equals("datetime") ? "'2021-03-17' or datetime'2021-03-17T00:00:00')" : "'2021-03-17T00:00:00Z')"));
  }
}
