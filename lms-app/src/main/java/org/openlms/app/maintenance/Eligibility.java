package org.openlms.app.maintenance;

/**
 * Which loans a run maintains, as the daily maintenance documentation says: activated ("live") loans not
 * yet maintained for the date, not temporary, not archived and not deleted; an archived loan still is when
 * it was archived after the run started (it was live at the beginning of daily maintenance, so it is not
 * dropped half-way). The run's start is its blank event ({@code dm_run.queued_at}). Loans created after
 * the run was planned wait for the next night. The planner and the worker apply the same predicate, the
 * worker again under the loan's row lock.
 *
 * <p>Parameters, in order: run start, business date, planning time.
 */
final class Eligibility {

  static final String LOAN_IS_ELIGIBLE = """
      l.setup_active AND NOT l.temporary_account AND NOT l.deleted
      AND (NOT l.archived OR l.archived_at > ?)
      AND (l.last_maintained_date IS NULL OR l.last_maintained_date < ?)
      AND l.created <= ?""";

  private Eligibility() {}

  /** Parameters of {@link #LOAN_IS_ELIGIBLE} for a run. */
  static Object[] params(DmRun run, java.time.Instant plannedAt) {
    return new Object[] {DmRunRepository.ts(run.queuedAt()), run.date(), DmRunRepository.ts(plannedAt)};
  }
}
