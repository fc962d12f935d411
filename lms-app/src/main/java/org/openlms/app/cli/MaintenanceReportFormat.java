package org.openlms.app.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.JsonNode;

/**
 * The LMS Daily Maintenance report as the documentation lists it: day of the month, queued, in progress
 * and completed times, warning flags evaluation, stoplight evaluation, reverse calc completed, queued loans
 * and loans maintained (plus failed loans). Times are shown in the company's zone, with the day's date
 * when it differs from the business date (after-the-run phases can end the next day).
 */
final class MaintenanceReportFormat {

  private static final String ROW = "%3s  %-14s %-14s %-14s %-14s %-14s %-14s %12s %12s %8s%n";

  private MaintenanceReportFormat() {}

  static String format(JsonNode d) {
    ZoneId zone = ZoneId.of(d.get("timeZone").asString());
    StringBuilder out = new StringBuilder();
    out.append("LMS Daily Maintenance ").append(d.get("month").asString()).append(" (times in ")
        .append(zone.getId()).append(")\n");
    out.append(String.format(ROW, "Day", "Queued", "In Progress", "Completed", "Warning Flags", "Stoplight",
        "Reverse Calc", "Queued Loans", "Maintained", "Failed"));
    for (JsonNode r : d.get("results")) {
      String date = r.get("date").asString();
      out.append(String.format(ROW, Integer.parseInt(date.substring(8)), time(r, "queued", zone, date),
          time(r, "inProgress", zone, date), time(r, "completed", zone, date),
          time(r, "warningFlagsEvaluation", zone, date), time(r, "stoplightEvaluation", zone, date),
          time(r, "reverseCalcCompleted", zone, date), r.get("totalLoans").asLong(),
          r.get("maintainedLoans").asLong(), r.get("failedLoans").asLong()));
    }
    return out.toString();
  }

  private static String time(JsonNode row, String field, ZoneId zone, String businessDate) {
    JsonNode v = row.get(field);
    if (v == null || v.isNull()) {
      return "-";
    }
    String s = v.asString();
    long epoch = Long.parseLong(s.substring(s.indexOf('(') + 1, s.indexOf(')')));
    var local = Instant.ofEpochSecond(epoch).atZone(zone);
    String time = local.format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    return local.toLocalDate().toString().equals(businessDate) ? time
        : local.format(DateTimeFormatter.ofPattern("MM-dd ")) + time;
  }
}
