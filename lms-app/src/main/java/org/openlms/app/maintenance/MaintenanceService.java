package org.openlms.app.maintenance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.errors.NotFoundException;
import org.openlms.app.tenancy.CompanyRepository;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDataSources;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantStatus;
import org.springframework.stereotype.Service;

/** Daily maintenance as operators use it: run one now, follow it, read a month's report. */
@Service
public class MaintenanceService {

  private final TenantService tenants;
  private final CompanyRepository companies;
  private final TenantDataSources pools;
  private final MaintenanceScheduler scheduler;
  private final MaintenancePlanner planner;
  private final MaintenanceWorker worker;
  private final DmRunRepository runs;
  private final DmChunkRepository chunks;
  private final Clock clock;
  private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

  MaintenanceService(TenantService tenants, CompanyRepository companies, TenantDataSources pools,
      MaintenanceScheduler scheduler, MaintenancePlanner planner, MaintenanceWorker worker,
      DmRunRepository runs, DmChunkRepository chunks, Clock clock) {
    this.tenants = tenants;
    this.companies = companies;
    this.pools = pools;
    this.scheduler = scheduler;
    this.planner = planner;
    this.worker = worker;
    this.runs = runs;
    this.chunks = chunks;
    this.clock = clock;
  }

  void onRunRequested(LongConsumer listener) {
    listeners.add(listener);
  }

  public ZoneId zoneOf(Tenant t) {
    return companies.find(t.companyId()).orElseThrow().timeZone();
  }

  /**
   * Queues a run for the date (default: the company's current business date) unless it exists, and wakes
   * this node's workers. A date in the future is refused. An existing run is returned as it is: loans that
   * failed are picked up by the next date's run.
   */
  public DmRun requestRun(long tenantId, LocalDate date) {
    Tenant t = active(tenantId);
    LocalDate today = MaintenanceCalendar.currentBusinessDate(zoneOf(t), clock.instant());
    LocalDate d = date == null ? today : date;
    if (d.isAfter(today)) {
      throw new InvalidInputException("date " + d + " is after the company's current business date " + today);
    }
    scheduler.queue(t, pools.of(t), d, "manual", clock.instant());
    listeners.forEach(l -> l.accept(tenantId));
    return Tx.run(pools.of(t), tx -> runs.find(tx, d)).orElseThrow();
  }

  public RunProgress progress(long tenantId, LocalDate date) {
    Tenant t = active(tenantId);
    return Tx.run(pools.of(t), tx -> {
      DmRun run = runs.find(tx, date).orElseThrow(() -> new NotFoundException("MaintenanceRuns"));
      long[] totals = chunks.totals(tx, run.id());
      return new RunProgress(run, (int) totals[0], totals[1], totals[2]);
    });
  }

  /** The statistics rows of loans for the month, by date. */
  public List<DmStats> report(long tenantId, YearMonth month) {
    DataSource db = pools.of(active(tenantId));
    return Tx.run(db, tx -> tx.sql().sql("""
            SELECT * FROM dm_stats_entity WHERE kind = 'loan' AND date >= ? AND date <= ? ORDER BY date""")
        .params(month.atDay(1), month.atEndOfMonth()).query(DmStatsRepository::map).list());
  }

  boolean hasOpenRuns(Tenant t) {
    return !Tx.run(pools.of(t), runs::open).isEmpty();
  }

  /**
   * Runs the tenant's queued runs to the end in the calling thread (oldest first), alongside any other
   * node's workers. For tests and single-process tools.
   */
  public void drain(Tenant t) {
    while (true) {
      boolean planned = planner.planNext(t).isPresent();
      boolean worked = worker.workOnce(t);
      if (!planned && !worked) {
        if (!hasOpenRuns(t)) {
          return;
        }
        try {
          Thread.sleep(50); // another node holds the remaining chunks
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private Tenant active(long id) {
    Tenant t = tenants.tenant(id);
    if (t.status() != TenantStatus.ACTIVE) {
      throw new InvalidInputException("tenant " + id + " is " + t.status().code());
    }
    return t;
  }
}
