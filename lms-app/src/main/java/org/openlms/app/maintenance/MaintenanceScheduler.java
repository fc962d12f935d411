package org.openlms.app.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.openlms.app.tenancy.CompanyRepository;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDataSources;
import org.openlms.app.tenancy.TenantRepository;
import org.openlms.app.tenancy.TenantStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The nightly trigger. On every tick, for each active tenant, it creates the queued run (the blank event)
 * of every business date due in the company's zone since the tenant's last run, oldest first; a tenant
 * with no run yet starts the night after it was created. Any number of nodes may tick at once: the unique
 * (date, kind) key and {@code ON CONFLICT DO NOTHING} create each run, and its Queued event, exactly once.
 */
@Component
public class MaintenanceScheduler {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceScheduler.class);

  private final TenantRepository tenants;
  private final CompanyRepository companies;
  private final TenantDataSources pools;
  private final DmRunRepository runs;
  private final Clock clock;

  MaintenanceScheduler(TenantRepository tenants, CompanyRepository companies, TenantDataSources pools,
      DmRunRepository runs, Clock clock) {
    this.tenants = tenants;
    this.companies = companies;
    this.pools = pools;
    this.runs = runs;
    this.clock = clock;
  }

  /** One tick at the application clock's now; returns the tenants that got a new run. */
  public List<Long> tick() {
    List<Long> scheduled = new ArrayList<>();
    for (Tenant t : tenants.list()) {
      if (t.status() != TenantStatus.ACTIVE) {
        continue;
      }
      try {
        if (!scheduleDue(t, clock.instant()).isEmpty()) {
          scheduled.add(t.id());
        }
      } catch (RuntimeException e) {
        log.warn("Tenant {}: could not schedule daily maintenance: {}", t.id(), e.getMessage());
      }
    }
    return scheduled;
  }

  /** Creates the runs due for the tenant at {@code now}; returns the dates this call created. */
  public List<LocalDate> scheduleDue(Tenant tenant, Instant now) {
    ZoneId zone = companies.find(tenant.companyId()).orElseThrow().timeZone();
    DataSource db = pools.of(tenant);
    LocalDate last = Tx.run(db, tx -> runs.lastDate(tx))
        .orElse(MaintenanceCalendar.currentBusinessDate(zone, tenant.createdAt()));
    List<LocalDate> created = new ArrayList<>();
    for (LocalDate date : MaintenanceCalendar.dueDates(zone, now, last)) {
      if (queue(tenant, db, date, "schedule", now)) {
        created.add(date);
      }
    }
    if (!created.isEmpty()) {
      log.info("Tenant {}: daily maintenance queued for {}", tenant.id(), created);
    }
    return created;
  }

  /** The blank event for one date, with its Queued event; false when the run already existed. */
  boolean queue(Tenant tenant, DataSource db, LocalDate date, String trigger, Instant now) {
    return Tx.run(db, tx -> {
      var run = runs.insertQueued(tx, date, trigger, now);
      run.ifPresent(r -> MaintenanceEvents.write(tx, MaintenanceEvents.QUEUED,
          MaintenanceEvents.payload(tenant.id(), r.id(), date, r.kind(), now), now));
      return run.isPresent();
    });
  }
}
