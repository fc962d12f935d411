package org.openlms.app.maintenance.step;

import java.util.Comparator;
import java.util.List;

/**
 * The steps in stage order (within a stage, in the order given, which for beans is their {@code @Order}).
 * A value: the worker runs whatever pipeline it is handed, so tests and later issues add steps without
 * touching the worker.
 */
public final class MaintenancePipeline {

  private final List<MaintenanceStep> steps;

  public MaintenancePipeline(List<? extends MaintenanceStep> steps) {
    this.steps = steps.stream().sorted(Comparator.comparing(MaintenanceStep::stage))
        .map(MaintenanceStep.class::cast).toList();
  }

  public List<MaintenanceStep> steps() {
    return steps;
  }

  /** Whether any step of that stage ran (empty stages are skipped and stamp nothing). */
  public boolean has(MaintenanceStage stage) {
    return steps.stream().anyMatch(s -> s.stage() == stage);
  }

  public void run(ChunkContext chunk) {
    for (MaintenanceStep step : steps) {
      if (chunk.liveLoans().isEmpty()) {
        return;
      }
      step.apply(chunk);
    }
  }
}
