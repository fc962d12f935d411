package org.openlms.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Business dates begin at local midnight in the company's zone, on 23- and 25-hour days too. */
class DmCalendarTest {

  private static final ZoneId DENVER = ZoneId.of("America/Denver");
  private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

  @Test
  void denverSpringForwardDayIsTwentyThreeHoursAndEachMidnightStartsItsDate() {
    LocalDate dstDay = LocalDate.of(2027, 3, 14); // clocks go 02:00 -> 03:00 MST -> MDT
    assertThat(MaintenanceCalendar.dueAt(dstDay, DENVER)).isEqualTo(Instant.parse("2027-03-14T07:00:00Z"));
    assertThat(MaintenanceCalendar.dueAt(dstDay.plusDays(1), DENVER)).isEqualTo(Instant.parse("2027-03-15T06:00:00Z"));
    LocalDate last = dstDay;
    assertThat(MaintenanceCalendar.dueDates(DENVER, Instant.parse("2027-03-15T05:59:59Z"), last)).isEmpty();
    assertThat(MaintenanceCalendar.dueDates(DENVER, Instant.parse("2027-03-15T06:00:00Z"), last))
        .containsExactly(dstDay.plusDays(1));
  }

  @Test
  void aucklandFallBackDayIsTwentyFiveHours() {
    LocalDate dstEnd = LocalDate.of(2027, 4, 4); // 03:00 NZDT -> 02:00 NZST
    Instant start = MaintenanceCalendar.dueAt(dstEnd, AUCKLAND);
    Instant next = MaintenanceCalendar.dueAt(dstEnd.plusDays(1), AUCKLAND);
    assertThat(start).isEqualTo(Instant.parse("2027-04-03T11:00:00Z"));
    assertThat(Duration.between(start, next)).isEqualTo(Duration.ofHours(25));
    assertThat(MaintenanceCalendar.dueDates(AUCKLAND, next.minusSeconds(1), dstEnd)).isEmpty();
    assertThat(MaintenanceCalendar.dueDates(AUCKLAND, next, dstEnd)).containsExactly(dstEnd.plusDays(1));
    // A fixed +13:00 offset would have started the 5th an hour early.
    assertThat(MaintenanceCalendar.dueDates(AUCKLAND, Instant.parse("2027-04-04T11:00:00Z"), dstEnd)).isEmpty();
  }

  @Test
  void whereMidnightDoesNotExistTheDateStartsAtTheFirstInstantAfterTheGap() {
    ZoneId santiago = ZoneId.of("America/Santiago");
    LocalDate gapDay = LocalDate.of(2027, 9, 5); // Chile springs forward at 24:00 on Saturday
    var transition = santiago.getRules().getTransition(gapDay.atStartOfDay());
    assertThat(transition).as("00:00 is skipped on %s in Santiago", gapDay).isNotNull();
    assertThat(transition.isGap()).isTrue();
    Instant due = MaintenanceCalendar.dueAt(gapDay, santiago);
    assertThat(due.atZone(santiago).toLocalTime()).hasToString("01:00");
    assertThat(MaintenanceCalendar.dueDates(santiago, due.minusSeconds(1), gapDay.minusDays(1))).isEmpty();
    assertThat(MaintenanceCalendar.dueDates(santiago, due, gapDay.minusDays(1))).containsExactly(gapDay);
  }

  @Test
  void afterDowntimeEveryMissedDateIsDueOldestFirst() {
    Instant now = Instant.parse("2027-01-05T08:00:00Z"); // 01:00 on the 5th in Denver
    assertThat(MaintenanceCalendar.dueDates(DENVER, now, LocalDate.of(2027, 1, 1)))
        .containsExactly(LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 3), LocalDate.of(2027, 1, 4),
            LocalDate.of(2027, 1, 5));
  }
}
