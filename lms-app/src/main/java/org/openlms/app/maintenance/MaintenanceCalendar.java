package org.openlms.app.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Business dates. Convention: when day D begins in the company's zone (its first instant, 00:00 local, or
 * the first instant after a DST gap at midnight), daily maintenance for business date D is due; the run
 * brings loans to their state at the start of D. Everything is computed with {@link LocalDate} in the zone,
 * never with a fixed offset, so 23- and 25-hour days need no special case.
 */
public final class MaintenanceCalendar {

  private MaintenanceCalendar() {}

  /** The business date whose maintenance became due most recently at {@code now}. */
  public static LocalDate currentBusinessDate(ZoneId zone, Instant now) {
    return now.atZone(zone).toLocalDate();
  }

  /** When maintenance for {@code date} becomes due in {@code zone}. */
  public static Instant dueAt(LocalDate date, ZoneId zone) {
    return date.atStartOfDay(zone).toInstant();
  }

  /**
   * The dates due at {@code now} after {@code lastScheduled}, oldest first: one on an ordinary night, all
   * the missed ones after downtime (catch-up).
   */
  public static List<LocalDate> dueDates(ZoneId zone, Instant now, LocalDate lastScheduled) {
    LocalDate today = currentBusinessDate(zone, now);
    List<LocalDate> due = new ArrayList<>();
    for (LocalDate d = lastScheduled.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
      due.add(d);
    }
    return due;
  }
}
