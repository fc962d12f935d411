package org.openlms.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.LmsTestServer;
import tools.jackson.databind.JsonNode;

/** The nightly trigger: one run per tenant and date whatever the number of schedulers, at local midnight. */
class DmSchedulerIT {

  @Test
  void schedulersTickingAtOnceCreateEachRunAndItsQueuedEventExactlyOnce() throws Exception {
    DmFixture f = DmFixture.newTenant();
    MaintenanceScheduler scheduler = f.bean(MaintenanceScheduler.class);
    ZoneId zone = ZoneId.of("America/Denver");
    LocalDate created = f.tenant.createdAt().atZone(zone).toLocalDate();
    Instant nextMidnight = MaintenanceCalendar.dueAt(created.plusDays(1), zone);
    int nodes = 4;
    CyclicBarrier together = new CyclicBarrier(nodes);
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      List<Future<List<LocalDate>>> results = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        results.add(pool.submit(() -> {
          together.await();
          return scheduler.scheduleDue(f.tenant, nextMidnight);
        }));
      }
      List<LocalDate> createdByAll = new ArrayList<>();
      for (Future<List<LocalDate>> r : results) {
        createdByAll.addAll(r.get());
      }
      assertThat(createdByAll).containsExactly(created.plusDays(1));
    } finally {
      pool.shutdownNow();
    }
    assertThat(f.sql.sql("SELECT count(*) FROM dm_run").query(Long.class).single()).isEqualTo(1);
    assertThat(f.events()).containsExactly(MaintenanceEvents.QUEUED);
    DmRun run = f.run(created.plusDays(1));
    assertThat(run.state()).isEqualTo(RunState.QUEUED);
    assertThat(run.trigger()).isEqualTo("schedule");
    assertThat(run.queuedAt()).isEqualTo(nextMidnight);
    assertThat(f.sql.sql("SELECT queued FROM dm_stats_entity WHERE date = ?").param(run.date())
        .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(nextMidnight);
    // A second before the next midnight nothing more is due; ticking again changes nothing.
    assertThat(scheduler.scheduleDue(f.tenant, MaintenanceCalendar.dueAt(created.plusDays(2), zone).minusSeconds(1)))
        .isEmpty();
  }

  @Test
  void theTickReadsTheApplicationClockAndQueuesTheNightThatJustBegan() {
    DmFixture f = DmFixture.newTenant();
    ZoneId zone = ZoneId.of("America/Denver");
    LocalDate tomorrow = f.tenant.createdAt().atZone(zone).toLocalDate().plusDays(1);
    Instant midnight = MaintenanceCalendar.dueAt(tomorrow, zone);
    assertThat(schedulerAt(f, midnight.minusSeconds(1)).tick()).doesNotContain(f.tenant.id());
    assertThat(f.sql.sql("SELECT count(*) FROM dm_run").query(Long.class).single()).isZero();
    assertThat(schedulerAt(f, midnight.plusSeconds(20)).tick()).contains(f.tenant.id());
    assertThat(f.run(tomorrow).queuedAt()).isEqualTo(midnight.plusSeconds(20));
  }

  /** A scheduler like the application's, on a fixed clock (the tick of a node at that instant). */
  private static MaintenanceScheduler schedulerAt(DmFixture f, Instant now) {
    return new MaintenanceScheduler(f.bean(org.openlms.app.tenancy.TenantRepository.class),
        f.bean(org.openlms.app.tenancy.CompanyRepository.class),
        f.bean(org.openlms.app.tenancy.TenantDataSources.class), f.bean(DmRunRepository.class),
        java.time.Clock.fixed(now, ZoneId.of("UTC")));
  }

  @Test
  void aNewTenantGetsNoRunBeforeTheFirstMidnightAfterItWasCreated() {
    DmFixture f = DmFixture.newTenant();
    assertThat(f.bean(MaintenanceScheduler.class).scheduleDue(f.tenant, Instant.now())).isEmpty();
  }

  @Test
  void denverAndAucklandRunsAreCreatedAtTheirOwnMidnightsAcrossDstChanges() {
    LmsTestServer srv = DmFixture.server();
    checkMidnights(tenantIn(srv, "America/Denver"), LocalDate.of(2027, 3, 14), "2027-03-15T06:00:00Z");
    checkMidnights(tenantIn(srv, "Pacific/Auckland"), LocalDate.of(2027, 4, 4), "2027-04-04T12:00:00Z");
  }

  /** With the night of {@code dstDay} run, the next run appears exactly at the following local midnight. */
  private static void checkMidnights(DmFixture f, LocalDate dstDay, String nextMidnightUtc) {
    f.sql.sql("INSERT INTO dm_run (date, kind, state, trigger, queued_at) VALUES (?, 'loan', 'completed', 'schedule', now())")
        .param(dstDay).update();
    MaintenanceScheduler scheduler = f.bean(MaintenanceScheduler.class);
    Instant midnight = Instant.parse(nextMidnightUtc);
    assertThat(scheduler.scheduleDue(f.tenant, midnight.minusSeconds(1))).isEmpty();
    assertThat(scheduler.scheduleDue(f.tenant, midnight)).containsExactly(dstDay.plusDays(1));
    assertThat(scheduler.scheduleDue(f.tenant, midnight.plusSeconds(3600))).isEmpty();
  }

  private static DmFixture tenantIn(LmsTestServer srv, String zone) {
    JsonNode company = srv.http().admin("POST", "/api/admin/companies", Map.of("name", "Zone Co", "timeZone", zone))
        .body().get("d");
    JsonNode tenant = srv.http().admin("POST", "/api/admin/tenants",
        Map.of("companyId", company.get("id").asLong(), "kind", "production")).body().get("d");
    return DmFixture.on(srv, tenant.get("id").asLong());
  }

  @Test
  void afterDowntimeMissedDatesAreQueuedAndRunOldestFirstBeforeToday() {
    DmFixture f = DmFixture.newTenant();
    long loan = f.loan();
    ZoneId zone = ZoneId.of("America/Denver");
    LocalDate created = f.tenant.createdAt().atZone(zone).toLocalDate();
    Instant fourNightsLater = MaintenanceCalendar.dueAt(created.plusDays(4), zone).plusSeconds(90);
    List<LocalDate> queued = f.bean(MaintenanceScheduler.class).scheduleDue(f.tenant, fourNightsLater);
    assertThat(queued).containsExactly(created.plusDays(1), created.plusDays(2), created.plusDays(3),
        created.plusDays(4));

    MaintenancePlanner planner = f.bean(MaintenancePlanner.class);
    assertThat(planner.planNext(f.tenant)).get().extracting(DmRun::date).isEqualTo(created.plusDays(1));
    // The next date waits while the oldest is in progress.
    assertThat(planner.planNext(f.tenant)).isEmpty();

    f.bean(MaintenanceService.class).drain(f.tenant);
    List<LocalDate> byStart = f.sql.sql("SELECT date FROM dm_run ORDER BY started_at, id")
        .query(LocalDate.class).list();
    assertThat(byStart).isEqualTo(queued);
    assertThat(f.sql.sql("SELECT count(*) FROM dm_run WHERE state = 'completed'").query(Long.class).single()).isEqualTo(4);
    assertThat(f.sql.sql("SELECT maintained_loans FROM dm_stats_entity ORDER BY date").query(Long.class).list())
        .containsExactly(1L, 1L, 1L, 1L);
    assertThat(f.lastMaintained(loan)).isEqualTo(created.plusDays(4));
  }
}
