package org.openlms.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which loans a run queues, how it cuts them into chunks, and what it records and announces. */
class DmPlannerIT {

  @Test
  void onlyEligibleLoansAreQueuedAsTheDocumentationSays() {
    DmFixture f = DmFixture.newTenant();
    LocalDate date = f.today();
    Timestamp longAgo = Timestamp.from(Instant.now().minus(3, ChronoUnit.DAYS));
    long live = f.loan();
    long maintainedYesterday = f.loan(Map.of("last_maintained_date", date.minusDays(1)));
    long alreadyMaintained = f.loan(Map.of("last_maintained_date", date));
    long temporary = f.loan(Map.of("temporary_account", true));
    long archivedBefore = f.loan(Map.of("archived", true, "archived_at", longAgo));
    long deleted = f.loan(Map.of("deleted", true, "deleted_at", longAgo));
    long notActivated = f.loan(Map.of("setup_active", false));
    DmRun queued = f.queue(date);
    // Archived after the run started: it was live at the beginning of daily maintenance, so it stays queued.
    long archivedAfterStart = f.loan(Map.of("archived", true,
        "archived_at", Timestamp.from(queued.queuedAt().plusSeconds(5)), "created", longAgo));

    DmRun run = f.bean(MaintenancePlanner.class).planNext(f.tenant).orElseThrow();
    assertThat(run.state()).isEqualTo(RunState.IN_PROGRESS);
    assertThat(run.totalLoans()).isEqualTo(3);
    assertThat(f.sql.sql("SELECT total_loans FROM dm_stats_entity WHERE date = ?").param(date)
        .query(Long.class).single()).isEqualTo(3);

    f.bean(MaintenanceService.class).drain(f.tenant);
    for (long id : List.of(live, maintainedYesterday, archivedAfterStart)) {
      assertThat(f.lastMaintained(id)).as("loan %d", id).isEqualTo(date);
    }
    assertThat(f.lastMaintained(temporary)).isNull();
    assertThat(f.lastMaintained(archivedBefore)).isNull();
    assertThat(f.lastMaintained(deleted)).isNull();
    assertThat(f.lastMaintained(notActivated)).isNull();
    assertThat(f.lastMaintained(alreadyMaintained)).isEqualTo(date);
    assertThat(f.run(date).state()).isEqualTo(RunState.COMPLETED);
  }

  @Test
  void chunksAreConsecutiveEligibleIdRangesWithTheirCounts() {
    DmFixture f = DmFixture.newTenant();
    long[] ids = new long[8];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = f.loan(i == 2 || i == 5 ? Map.of("temporary_account", true) : Map.of());
    }
    DmRun queued = f.queue(f.today());
    DmRun run = f.bean(MaintenancePlanner.class).planNext(f.tenant).orElseThrow();
    assertThat(run.totalLoans()).isEqualTo(6);
    assertThat(run.chunkCount()).isEqualTo(2);
    List<DmChunk> chunks = f.chunks(queued.id());
    assertThat(chunks).extracting(DmChunk::seq).containsExactly(0, 1);
    assertThat(chunks.get(0)).extracting(DmChunk::firstLoanId, DmChunk::lastLoanId, DmChunk::loanCount)
        .containsExactly(ids[0], ids[3], 3);
    assertThat(chunks.get(1)).extracting(DmChunk::firstLoanId, DmChunk::lastLoanId, DmChunk::loanCount)
        .containsExactly(ids[4], ids[7], 3);
    assertThat(chunks).allSatisfy(c -> assertThat(c.state()).isEqualTo("pending"));
  }

  @Test
  void eventsAndStatisticsFollowTheRunThroughItsStates() {
    DmFixture f = DmFixture.newTenant();
    for (int i = 0; i < 7; i++) {
      f.loan();
    }
    LocalDate date = f.today();
    Instant before = Instant.now();
    f.queue(date);
    assertThat(f.events()).containsExactly(MaintenanceEvents.QUEUED);
    f.bean(MaintenancePlanner.class).planNext(f.tenant);
    assertThat(f.events()).containsExactly(MaintenanceEvents.QUEUED, MaintenanceEvents.STARTED,
        MaintenanceEvents.IN_PROGRESS);
    f.bean(MaintenanceService.class).drain(f.tenant);
    assertThat(f.events()).containsExactly(MaintenanceEvents.QUEUED, MaintenanceEvents.STARTED,
        MaintenanceEvents.IN_PROGRESS, MaintenanceEvents.COMPLETED);
    Map<String, Object> completed = f.sql.sql("""
            SELECT payload->>'date' AS date, (payload->>'maintainedLoans')::int AS maintained,
                   (payload->>'tenantId')::bigint AS tenant
            FROM outbox_event WHERE event_name = ?""").param(MaintenanceEvents.COMPLETED).query().singleRow();
    assertThat(completed).containsEntry("date", date.toString()).containsEntry("maintained", 7)
        .containsEntry("tenant", f.tenant.id());

    DmStats s = f.sql.sql("SELECT * FROM dm_stats_entity WHERE date = ?").param(date)
        .query(DmStatsRepository::map).single();
    assertThat(s.queued()).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS));
    assertThat(s.inProgress()).isAfterOrEqualTo(s.queued());
    assertThat(s.completed()).isAfterOrEqualTo(s.inProgress());
    assertThat(s.reverseCalcCompleted()).isAfterOrEqualTo(s.completed());
    // The stoplight and warning flag steps ran, after the loans were maintained.
    assertThat(s.stoplightEvaluation()).isAfterOrEqualTo(s.completed());
    assertThat(s.warningFlagsEvaluation()).isAfterOrEqualTo(s.completed());
    assertThat(s.totalLoans()).isEqualTo(7);
    assertThat(s.maintainedLoans()).isEqualTo(7);
    assertThat(s.failedLoans()).isZero();
  }

  @Test
  void aRunWithNoEligibleLoanCompletesAtOnce() {
    DmFixture f = DmFixture.newTenant();
    f.loan(Map.of("deleted", true));
    f.queue(f.today());
    f.bean(MaintenancePlanner.class).planNext(f.tenant);
    DmRun run = f.run(f.today());
    assertThat(run.state()).isEqualTo(RunState.COMPLETED);
    assertThat(run.totalLoans()).isZero();
    assertThat(f.events()).endsWith(MaintenanceEvents.COMPLETED);
  }
}
