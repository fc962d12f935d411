package org.openlms.app.maintenance.step;

/**
 * One step of daily maintenance, a Spring bean found by its stage. It works on the chunk's loans in memory
 * and records what to write through the context; it must isolate each loan with
 * {@link ChunkContext#forEachLoan}, so that one bad loan fails alone. An exception escaping {@link #apply}
 * fails the whole chunk's transaction, which is then retried.
 */
public interface MaintenanceStep {

  MaintenanceStage stage();

  /** A stable name, recorded with a loan's error. */
  default String name() {
    return getClass().getSimpleName();
  }

  void apply(ChunkContext chunk);
}
