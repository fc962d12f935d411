package org.openlms.app.maintenance.step;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.tenancy.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the steps share while one chunk is maintained: the tenant and business date, the chunk's loans in
 * memory, the writes and events collected so far and the loans that failed. Used by one thread.
 */
public final class ChunkContext {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChunkContext.class);

  private final Tenant tenant;
  private final long runId;
  private final LocalDate businessDate;
  private final List<MaintainedLoan> loans;
  private final JdbcClient reads;
  private final Map<Long, LoanFailure> failures = new LinkedHashMap<>();
  private final List<LoanWrite> writes = new ArrayList<>();
  private final List<ChunkEvent> events = new ArrayList<>();
  private final List<BulkRow> bulk = new ArrayList<>();
  private final Map<Class<?>, Map<Long, Object>> attached = new java.util.HashMap<>();

  public ChunkContext(Tenant tenant, long runId, LocalDate businessDate, List<MaintainedLoan> loans,
      JdbcClient reads) {
    this.tenant = tenant;
    this.runId = runId;
    this.businessDate = businessDate;
    this.loans = List.copyOf(loans);
    this.reads = reads;
  }

  public Tenant tenant() {
    return tenant;
  }

  public long runId() {
    return runId;
  }

  public LocalDate businessDate() {
    return businessDate;
  }

  /** Bulk reads inside the chunk's transaction (for example the engine adapter loading loan state). */
  public JdbcClient reads() {
    return reads;
  }

  /** Every loan of the chunk, failed ones included. */
  public List<MaintainedLoan> loans() {
    return loans;
  }

  /** The loans that have not failed so far, in id order. */
  public List<MaintainedLoan> liveLoans() {
    return loans.stream().filter(l -> !failures.containsKey(l.id())).toList();
  }

  /** Runs {@code action} for every live loan; a loan whose action throws is failed and the rest go on. */
  public void forEachLoan(MaintenanceStep step, LoanAction action) {
    for (MaintainedLoan loan : liveLoans()) {
      try {
        action.apply(loan);
      } catch (Exception | LinkageError | AssertionError e) {
        fail(loan.id(), step.name(), e);
      }
    }
  }

  public void fail(long loanId, String step, Throwable error) {
    // The loan is isolated and the chunk goes on; the trace is for the operator, the message for dm_loan_error.
    LOG.warn("Tenant {}: loan {} failed in {} for {}", tenant.id(), loanId, step, businessDate, error);
    String message = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    failures.putIfAbsent(loanId, new LoanFailure(loanId, step, message));
  }

  public void write(long loanId, String sql, Object... params) {
    writes.add(new LoanWrite(loanId, sql, Arrays.asList(params)));
  }

  /** A row for a {@link BulkTable}, applied with the chunk's other rows of that table in one statement. */
  public void bulk(long loanId, BulkTable table, Object... values) {
    if (values.length != table.columns().size()) {
      throw new IllegalArgumentException(table.table() + " takes " + table.columns().size() + " values");
    }
    bulk.add(new BulkRow(loanId, table, values));
  }

  /**
   * Replaces the loan's row of {@code table} whose first {@code keyColumns} values equal these, or adds it: a
   * later step re-deriving a row an earlier one left (the day computed again after a charge, for example). One
   * set-based upsert may not touch a row twice, so the chunk keeps one row per key.
   */
  public void rebulk(long loanId, BulkTable table, int keyColumns, Object... values) {
    for (int i = bulk.size() - 1; i >= 0; i--) {
      BulkRow r = bulk.get(i);
      if (r.loanId() == loanId && r.table().equals(table)
          && Arrays.equals(r.values(), 0, keyColumns, values, 0, keyColumns)) {
        bulk.set(i, new BulkRow(loanId, table, values));
        return;
      }
    }
    bulk(loanId, table, values);
  }

  /** Removes the loan's rows for that table (a later step replaced them with rows of another table). */
  public void dropBulk(long loanId, BulkTable table) {
    bulk.removeIf(r -> r.loanId() == loanId && r.table().equals(table));
  }

  /** The bulk rows of loans that did not fail. */
  public List<BulkRow> bulkToApply() {
    return bulk.stream().filter(r -> !failures.containsKey(r.loanId())).toList();
  }

  /** One row for a bulk table. */
  public record BulkRow(long loanId, BulkTable table, Object[] values) {}

  /** Leaves a per-loan value for later steps (the calculator leaves each loan's final status, for example). */
  public <T> void attach(long loanId, Class<T> type, T value) {
    attached.computeIfAbsent(type, k -> new java.util.HashMap<>()).put(loanId, value);
  }

  /** What an earlier step attached to the loan, or null. */
  public <T> T attached(long loanId, Class<T> type) {
    Map<Long, Object> values = attached.get(type);
    return values == null ? null : type.cast(values.get(loanId));
  }

  public void event(Long loanId, String name, Map<String, Object> payload) {
    events.add(new ChunkEvent(loanId, name, payload));
  }

  public Map<Long, LoanFailure> failures() {
    return Collections.unmodifiableMap(failures);
  }

  /** The writes of loans that did not fail. */
  public List<LoanWrite> writesToApply() {
    return writes.stream().filter(w -> !failures.containsKey(w.loanId())).toList();
  }

  /** The events of loans that did not fail, and chunk-level events (no loan). */
  public List<ChunkEvent> eventsToApply() {
    return events.stream().filter(e -> e.loanId() == null || !failures.containsKey(e.loanId())).toList();
  }

  /** Work on one loan. */
  @FunctionalInterface
  public interface LoanAction {
    void apply(MaintainedLoan loan) throws Exception;
  }
}
