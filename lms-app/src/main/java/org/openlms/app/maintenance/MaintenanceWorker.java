package org.openlms.app.maintenance;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.openlms.app.maintenance.step.ChunkContext;
import org.openlms.app.maintenance.step.ChunkEvent;
import org.openlms.app.maintenance.step.LoanFailure;
import org.openlms.app.maintenance.step.LoanWrite;
import org.openlms.app.maintenance.step.MaintainedLoan;
import org.openlms.app.maintenance.step.MaintenancePipeline;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDataSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Claims chunks with a lease and maintains them. A chunk is one transaction: lock its loans that are still
 * eligible while setting their {@code last_maintained_date} guard to the run's date (one UPDATE), run the
 * pipeline in memory, write in bulk, give failed loans their previous guard back, record them and mark the
 * chunk done. A crash
 * before commit leaves nothing; a replay after commit finds no eligible loan. Concurrent API writes that
 * lock the loan row first wait for the chunk, or the chunk waits for them.
 */
@Component
public class MaintenanceWorker {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceWorker.class);

  private final TenantDataSources pools;
  private final DmChunkRepository chunks;
  private final DmRunRepository runs;
  private final MaintenanceCompleter completer;
  private final MaintenancePipeline pipeline;
  private final MaintenanceProperties props;
  private final Clock clock;
  private final String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/"
      + UUID.randomUUID().toString().substring(0, 8);
  private final Map<Long, Tenant> inFlight = new ConcurrentHashMap<>();

  MaintenanceWorker(TenantDataSources pools, DmChunkRepository chunks, DmRunRepository runs,
      MaintenanceCompleter completer, MaintenancePipeline pipeline, MaintenanceProperties props, Clock clock) {
    this.pools = pools;
    this.chunks = chunks;
    this.runs = runs;
    this.clock = clock;
    this.completer = completer;
    this.pipeline = pipeline;
    this.props = props;
  }

  /** This process's lease owner name: pid@host and a random suffix. */
  public String nodeId() {
    return nodeId;
  }

  /** Claims and maintains one chunk of the tenant; false when there was nothing to claim. */
  public boolean workOnce(Tenant tenant) {
    Optional<ClaimedChunk> claimed = claim(tenant, nodeId);
    if (claimed.isEmpty()) {
      return false;
    }
    ClaimedChunk c = claimed.get();
    inFlight.put(c.chunk().id(), tenant);
    try {
      process(tenant, c, nodeId, pipeline);
    } catch (LeaseLost e) {
      log.info("Tenant {}: chunk {} was taken over by another worker", tenant.id(), c.chunk().id());
    } catch (RuntimeException e) {
      log.warn("Tenant {}: chunk {} failed and goes back to the queue: {}", tenant.id(), c.chunk().id(), e.toString());
      Tx.run(pools.of(tenant), tx -> {
        chunks.release(tx, c.chunk().id(), nodeId, e.toString());
        return null;
      });
    } finally {
      inFlight.remove(c.chunk().id());
    }
    completer.tryComplete(tenant, c.run().id());
    return true;
  }

  /** Claims the next claimable chunk for {@code owner}; chunks that failed too often are given up first. */
  public Optional<ClaimedChunk> claim(Tenant tenant, String owner) {
    DataSource db = pools.of(tenant);
    while (true) {
      Claim result = Tx.run(db, tx -> {
        Optional<DmChunk> next = chunks.lockClaimable(tx);
        if (next.isEmpty()) {
          return new Claim(null, null);
        }
        DmChunk c = next.get();
        if (c.attempts() >= props.maxAttempts()) {
          chunks.giveUp(tx, c, " | given up after " + c.attempts() + " attempts");
          return new Claim(null, c.runId());
        }
        DmChunk leased = chunks.lease(tx, c.id(), owner, props.lease());
        return new Claim(new ClaimedChunk(leased, runs.find(tx, leased.runId()).orElseThrow()), null);
      });
      if (result.gaveUpInRun() == null) {
        return Optional.ofNullable(result.claimed());
      }
      completer.tryComplete(tenant, result.gaveUpInRun()); // the given-up chunk may have been the last one
    }
  }

  /** One claim transaction: a chunk leased, or a chunk given up in that run, or neither (nothing to do). */
  private record Claim(ClaimedChunk claimed, Long gaveUpInRun) {}

  /** Maintains a claimed chunk in one transaction with the given pipeline; throws {@link LeaseLost}. */
  public ChunkOutcome process(Tenant tenant, ClaimedChunk claimed, String owner, MaintenancePipeline steps) {
    DmChunk c = claimed.chunk();
    DmRun run = claimed.run();
    return Tx.run(pools.of(tenant), tx -> {
      Object[] p = Eligibility.params(run, run.startedAt());
      // Locks the chunk's eligible loans and sets their guard in one pass over the rows (an UPDATE re-checks its
      // condition on each row once it holds the row's lock, as SELECT ... FOR UPDATE does); loans that then fail get
      // their previous guard back below. The self-join only reads the previous value.
      List<MaintainedLoan> loans = new ArrayList<>(tx.sql().sql("UPDATE loan l SET last_maintained_date = ? "
              + "FROM loan o WHERE o.id = l.id AND o.id BETWEEN ? AND ? AND l.id BETWEEN ? AND ? AND "
              + Eligibility.LOAN_IS_ELIGIBLE + " RETURNING l.id, l.display_id, o.last_maintained_date, l.archived")
          .params(run.date(), c.firstLoanId(), c.lastLoanId(), c.firstLoanId(), c.lastLoanId(), p[0], p[1], p[2])
          .query((rs, n) -> new MaintainedLoan(rs.getLong(1), rs.getString(2),
              rs.getObject(3, java.time.LocalDate.class), rs.getBoolean(4)))
          .list());
      loans.sort(java.util.Comparator.comparingLong(MaintainedLoan::id));
      ChunkContext ctx = new ChunkContext(tenant, run.id(), run.date(), loans, tx.sql());
      steps.run(ctx);
      writeBatches(tx, ctx.writesToApply());
      BulkWriter.apply(tx, ctx.bulkToApply());
      List<Object[]> events = new ArrayList<>();
      for (ChunkEvent e : ctx.eventsToApply()) {
        Map<String, Object> payload = new LinkedHashMap<>(e.payload());
        if (e.loanId() != null) {
          payload.putIfAbsent("loanId", e.loanId());
        }
        events.add(MaintenanceEvents.row(e.name(), payload, clock.instant()));
      }
      MaintenanceEvents.writeAll(tx, events);
      int ok = loans.size() - ctx.failures().size();
      unmarkFailed(tx, loans, ctx.failures().keySet());
      recordFailures(tx, run, ctx.failures().values());
      if (!chunks.markDone(tx, c.id(), owner, ok, ctx.failures().size())) {
        throw new LeaseLost();
      }
      return new ChunkOutcome(c.id(), ok, ctx.failures().size(), c.loanCount() - loans.size());
    });
  }

  private static void writeBatches(Tx tx, List<LoanWrite> writes) {
    Map<String, List<Object[]>> bySql = new LinkedHashMap<>();
    for (LoanWrite w : writes) {
      bySql.computeIfAbsent(w.sql(), k -> new ArrayList<>()).add(w.params().toArray());
    }
    bySql.forEach((sql, rows) -> tx.jdbc().batchUpdate(sql, rows));
  }

  /** Failed loans get back the guard they had, so that they are eligible again (the next run retries them). */
  private static void unmarkFailed(Tx tx, List<MaintainedLoan> loans, java.util.Set<Long> failed) {
    List<Object[]> rows = loans.stream().filter(l -> failed.contains(l.id()))
        .map(l -> new Object[] {l.lastMaintainedDate(), l.id()}).toList();
    if (!rows.isEmpty()) {
      tx.jdbc().batchUpdate("UPDATE loan SET last_maintained_date = ? WHERE id = ?", rows);
    }
  }

  private static void recordFailures(Tx tx, DmRun run, java.util.Collection<LoanFailure> failures) {
    List<Object[]> rows = failures.stream()
        .map(f -> new Object[] {run.id(), f.loanId(), f.step(), f.error()}).toList();
    if (!rows.isEmpty()) {
      tx.jdbc().batchUpdate("INSERT INTO dm_loan_error (run_id, loan_id, step, error) VALUES (?, ?, ?, ?)", rows);
    }
  }

  /** Extends the leases of the chunks this node is working on; run every third of the lease. */
  public void heartbeat() {
    inFlight.forEach((chunkId, tenant) -> {
      try {
        Tx.run(pools.of(tenant), tx -> chunks.heartbeat(tx, chunkId, nodeId, props.lease()));
      } catch (RuntimeException e) {
        log.warn("Tenant {}: heartbeat of chunk {} failed: {}", tenant.id(), chunkId, e.getMessage());
      }
    });
  }

  /** A chunk with its run, as claimed. */
  public record ClaimedChunk(DmChunk chunk, DmRun run) {}

  /** The chunk's lease passed to another worker before this one committed; nothing was written. */
  static final class LeaseLost extends RuntimeException {
    LeaseLost() {
      super("lease lost", null, false, false);
    }
  }
}
