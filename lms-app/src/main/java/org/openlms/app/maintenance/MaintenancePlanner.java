package org.openlms.app.maintenance;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDataSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a queued run into a queue of chunks: in one transaction it selects the eligible loans, writes them
 * as chunks of consecutive ids with their counts, records the total, moves the run to In Progress and
 * writes the Started notification and the In Progress event. Only the oldest unfinished run of a tenant is
 * planned, so catch-up dates run in order; a run with no eligible loan completes at once.
 */
@Component
public class MaintenancePlanner {

  private static final Logger log = LoggerFactory.getLogger(MaintenancePlanner.class);

  private final TenantDataSources pools;
  private final DmRunRepository runs;
  private final DmChunkRepository chunks;
  private final MaintenanceCompleter completer;
  private final MaintenanceProperties props;
  private final Clock clock;

  MaintenancePlanner(TenantDataSources pools, DmRunRepository runs, DmChunkRepository chunks,
      MaintenanceCompleter completer, MaintenanceProperties props, Clock clock) {
    this.pools = pools;
    this.runs = runs;
    this.chunks = chunks;
    this.completer = completer;
    this.props = props;
    this.clock = clock;
  }

  /** Plans the tenant's next queued run, if one may start now; returns it as planned. */
  public Optional<DmRun> planNext(Tenant tenant) {
    Optional<DmRun> planned = Tx.run(pools.of(tenant), tx -> {
      Optional<DmRun> next = runs.lockNextQueued(tx);
      if (next.isEmpty()) {
        return next;
      }
      DmRun run = next.get();
      Instant now = clock.instant();
      long total = chunks.plan(tx, run, props.chunkSize(), now);
      int count = chunks.count(tx, run.id());
      runs.markInProgress(tx, run, total, count, now);
      Map<String, Object> started = MaintenanceEvents.payload(tenant.id(), run.id(), run.date(), run.kind(), now);
      started.put("totalLoans", total);
      MaintenanceEvents.write(tx, MaintenanceEvents.STARTED, started, now);
      MaintenanceEvents.write(tx, MaintenanceEvents.IN_PROGRESS,
          MaintenanceEvents.payload(tenant.id(), run.id(), run.date(), run.kind(), now), now);
      return runs.find(tx, run.id());
    });
    planned.ifPresent(r -> {
      log.info("Tenant {}: daily maintenance {} in progress: {} loans in {} chunks", tenant.id(), r.date(),
          r.totalLoans(), r.chunkCount());
      if (r.chunkCount() == 0) {
        completer.tryComplete(tenant, r.id());
      }
    });
    return planned;
  }
}
