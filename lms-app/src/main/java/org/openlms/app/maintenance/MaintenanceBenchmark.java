package org.openlms.app.maintenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDataSources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Measures one night of daily maintenance on a tenant, beside its floor in the same process and database:
 * one set-based UPDATE of every eligible loan's state row and one INSERT of an archive row per loan (rolled
 * back), which is the least any implementation must do. The run itself is the production path (scheduler
 * queue, planner, chunk workers, engine), for the day after the tenant's last maintained day, so it can be
 * repeated night after night on the same seeded loans.
 */
@Component
public class MaintenanceBenchmark {

  private final TenantDataSources pools;
  private final MaintenanceScheduler scheduler;
  private final MaintenanceService service;
  private final Clock clock;

  MaintenanceBenchmark(TenantDataSources pools, MaintenanceScheduler scheduler, MaintenanceService service,
      Clock clock) {
    this.pools = pools;
    this.scheduler = scheduler;
    this.service = service;
    this.clock = clock;
  }

  /** CPU time so far, in nanoseconds: this JVM's and the database server's (-1 when unknown). */
  public interface CpuClock {
    long[] sample();
  }

  public Result run(Tenant tenant, int workers, CpuClock cpu) throws Exception {
    DataSource db = pools.of(tenant);
    JdbcClient sql = JdbcClient.create(db);
    LocalDate last = sql.sql("SELECT max(last_maintained_date) FROM loan").query(LocalDate.class).optional().orElse(null);
    LocalDate date = last == null ? LocalDate.now(clock) : last.plusDays(1);
    double floor = floorSeconds(db, date);

    System.gc();
    HeapAfterGc heap = HeapAfterGc.start();
    long[] cpuBefore = cpu.sample();
    long started = System.nanoTime();
    scheduler.queue(tenant, db, date, "manual", clock.instant());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Thread t = new Thread(() -> service.drain(tenant), "bench-worker-" + i);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long[] cpuAfter = cpu.sample();
    long peakHeap = heap.stop();
    DmStats stats = sql.sql("SELECT * FROM dm_stats_entity WHERE date = ? AND kind = 'loan'").param(date)
        .query(DmStatsRepository::map).single();
    return new Result(date, stats.totalLoans(), stats.maintainedLoans(), stats.failedLoans(), seconds,
        peakHeap / (1024 * 1024), floor, (cpuAfter[0] - cpuBefore[0]) / 1e9,
        cpuBefore[1] < 0 || cpuAfter[1] < 0 ? -1 : (cpuAfter[1] - cpuBefore[1]) / 1e9);
  }

  /** The floor: the two set-based statements any night must at least equal, timed, then rolled back. */
  private static double floorSeconds(DataSource db, LocalDate date) throws SQLException {
    String eligible = "FROM loan l WHERE l.id = s.loan_id AND " + Eligibility.LOAN_IS_ELIGIBLE;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      long t = System.nanoTime();
      try (PreparedStatement update = c.prepareStatement("UPDATE loan_state s SET as_of = ?, "
          + "unposted_interest = s.unposted_interest + s.perdiem, interest_accrued_today = s.perdiem " + eligible);
          PreparedStatement insert = c.prepareStatement("""
              INSERT INTO loan_status_archive (loan_id, date, amount_due, due_interest, due_principal, due_fees,
                  due_pni, next_payment_date, next_payment_amount, last_payment_date, last_payment_amount,
                  principal_balance, days_past_due, date_last_current, payoff, perdiem, interest_accrued_today,
                  period_start, period_end, periods_remaining, final_payment_date, final_payment_amount, loan_age)
              SELECT s.loan_id, ?, s.due_interest + s.due_principal + s.due_fees, s.due_interest, s.due_principal,
                  s.due_fees, s.due_interest + s.due_principal, s.next_due_date, 0, s.last_payment_date,
                  s.last_payment_amount, s.principal_balance, 0, s.date_last_current, s.principal_balance,
                  round(s.perdiem, 2), round(s.perdiem, 2), NULL, NULL, 0, NULL, NULL, 0
              FROM loan_state s JOIN loan l ON l.id = s.loan_id WHERE""" + " " + Eligibility.LOAN_IS_ELIGIBLE)) {
        Timestamp far = Timestamp.from(Instant.now().plusSeconds(86_400));
        update.setObject(1, date);
        bindEligible(update, 2, date, far);
        update.executeUpdate();
        insert.setObject(1, date);
        bindEligible(insert, 2, date, far);
        insert.executeUpdate();
        return (System.nanoTime() - t) / 1e9;
      } finally {
        c.rollback();
      }
    }
  }

  private static void bindEligible(PreparedStatement ps, int from, LocalDate date, Timestamp now) throws SQLException {
    ps.setTimestamp(from, now); // run start: archived loans are not live
    ps.setObject(from + 1, date);
    ps.setTimestamp(from + 2, now);
  }

  /**
   * One measured night: counts, wall time, peak heap and the floor measured beside it, and the CPU time the night
   * took in this JVM and in the database server (-1 when unknown), which does not depend on what else the machine runs.
   */
  public record Result(LocalDate date, long queued, long maintained, long failed, double seconds, long peakHeapMb,
      double floorSeconds, double javaCpuSeconds, double databaseCpuSeconds) {
    public double ratio() {
      return seconds / floorSeconds;
    }
  }
}
