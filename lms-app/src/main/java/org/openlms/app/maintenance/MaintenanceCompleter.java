package org.openlms.app.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.openlms.app.maintenance.DmRunRepository.StatsStamp;
import org.openlms.app.maintenance.step.MaintenancePipeline;
import org.openlms.app.maintenance.step.MaintenanceStage;
import org.openlms.app.maintenance.step.ReverseCalculation;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDataSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends a run when no chunk is pending or claimed: sums the chunks' counts into the statistics row, sets
 * the state (failed when a chunk was given up) and writes the Completed event, in one transaction; then
 * runs the after-the-run phases and stamps them. Called by the worker that finished a chunk and, for
 * crashes in between, by every node's periodic sweep; the run row's lock makes it happen once.
 */
@Component
public class MaintenanceCompleter {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceCompleter.class);

  private final TenantDataSources pools;
  private final DmRunRepository runs;
  private final DmChunkRepository chunks;
  private final MaintenancePipeline pipeline;
  private final List<ReverseCalculation> reverseCalcs;
  private final Clock clock;

  MaintenanceCompleter(TenantDataSources pools, DmRunRepository runs, DmChunkRepository chunks,
      MaintenancePipeline pipeline, List<ReverseCalculation> reverseCalcs, Clock clock) {
    this.pools = pools;
    this.runs = runs;
    this.chunks = chunks;
    this.pipeline = pipeline;
    this.reverseCalcs = reverseCalcs;
    this.clock = clock;
  }

  /** Completes the run if all its chunks are finished; true if this call completed it. */
  public boolean tryComplete(Tenant tenant, long runId) {
    DataSource db = pools.of(tenant);
    DmRun done = Tx.run(db, tx -> {
      var locked = runs.lockInProgress(tx, runId);
      if (locked.isEmpty() || chunks.hasOpenChunks(tx, runId)) {
        return null;
      }
      DmRun run = locked.get();
      long[] t = chunks.totals(tx, runId);
      RunState state = t[3] > 0 ? RunState.FAILED : RunState.COMPLETED;
      String detail = t[3] > 0 ? t[3] + " chunk(s) given up after repeated failures" : null;
      Instant now = clock.instant();
      runs.markFinished(tx, run, state, t[1], t[2], detail, now);
      Map<String, Object> payload = MaintenanceEvents.payload(tenant.id(), run.id(), run.date(), run.kind(), now);
      payload.put("state", state.code());
      payload.put("totalLoans", run.totalLoans());
      payload.put("maintainedLoans", t[1]);
      payload.put("failedLoans", t[2]);
      MaintenanceEvents.write(tx, MaintenanceEvents.COMPLETED, payload, now);
      log.info("Tenant {}: daily maintenance {} {}: {} maintained, {} failed", tenant.id(), run.date(),
          state.code(), t[1], t[2]);
      return runs.find(tx, runId).orElseThrow();
    });
    if (done == null) {
      return false;
    }
    afterRun(tenant, done);
    return true;
  }

  /**
   * The phases after a run: the stoplight and warning flag evaluations are stamped when those stages had
   * steps (they ran inside the chunks, so they completed with the last chunk); then reverse calculation.
   */
  void afterRun(Tenant tenant, DmRun run) {
    DataSource db = pools.of(tenant);
    Instant evaluated = run.completedAt();
    Tx.run(db, tx -> {
      if (pipeline.has(MaintenanceStage.WARNING_FLAGS)) {
        runs.stamp(tx, run, StatsStamp.WARNING_FLAGS, evaluated);
      }
      if (pipeline.has(MaintenanceStage.STOPLIGHTS)) {
        runs.stamp(tx, run, StatsStamp.STOPLIGHTS, evaluated);
      }
      return null;
    });
    for (ReverseCalculation rc : reverseCalcs) {
      rc.run(tenant, db, run.date());
    }
    Instant now = clock.instant();
    Tx.run(db, tx -> {
      runs.stamp(tx, run, StatsStamp.REVERSE_CALC, now);
      return null;
    });
  }

  /** Finishes what a crashed node left: runs whose chunks are all done, and missing after-run phases. */
  public void sweep(Tenant tenant) {
    DataSource db = pools.of(tenant);
    for (DmRun r : Tx.run(db, runs::open)) {
      if (r.state() == RunState.IN_PROGRESS) {
        tryComplete(tenant, r.id());
      }
    }
    for (DmRun r : Tx.run(db, runs::awaitingReverseCalc)) {
      afterRun(tenant, r);
    }
  }
}
