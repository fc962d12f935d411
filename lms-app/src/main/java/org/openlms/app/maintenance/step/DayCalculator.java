package org.openlms.app.maintenance.step;

/**
 * PORT to the pure engine's day step (accrual, the day's values, late fees). The engine adapter implements
 * it as a Spring bean; until one exists the calculator stage is empty. Per chunk, {@link #prepare} bulk-reads
 * whatever the engine needs for {@code chunk.liveLoans()} through {@code chunk.reads()} (inside the chunk's
 * transaction, loans already locked); then {@link DayBatch#step} runs once per loan and records the loan's
 * new state, postings and status archive row with {@code chunk.write(...)} and its events with
 * {@code chunk.event(...)}. A loan brought forward over several missed days gets them all in this one call
 * ({@code loan.lastMaintainedDate()} tells from when). It must not write itself, commit, or keep state
 * between chunks.
 */
public interface DayCalculator {

  DayBatch prepare(ChunkContext chunk);

  /** The prepared chunk: one pure day step per loan. Throwing fails that loan only. */
  @FunctionalInterface
  interface DayBatch {
    void step(MaintainedLoan loan, ChunkContext chunk) throws Exception;
  }
}
