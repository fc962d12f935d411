package org.openlms.app.automation;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.openlms.app.maintenance.step.ChunkContext;
import org.openlms.app.maintenance.step.MaintainedLoan;
import org.openlms.app.maintenance.step.MaintenanceStage;
import org.openlms.app.maintenance.step.MaintenanceStep;
import org.openlms.engine.state.StatusSnapshot;
import org.springframework.stereotype.Component;

/**
 * Daily maintenance steps 2 to 4 over a chunk: the rules read every live loan's facts in one statement (the day's
 * status comes from the calculator, in memory), then stoplights and warning flags see the loans as the rules left
 * them, and the last step stores what changed. A tenant without any configuration costs one small query a chunk.
 */
final class AutomationSteps {

  private AutomationSteps() {}

  /** The chunk's configuration and loans, attached to the chunk by the rules step. */
  record ChunkAutomation(AutomationConfig config, Map<Long, AutomatedLoan> loans) {}

  private static final long CHUNK_KEY = Long.MIN_VALUE; // ChunkAutomation is attached once, not per loan

  static ChunkAutomation of(ChunkContext chunk) {
    return chunk.attached(CHUNK_KEY, ChunkAutomation.class);
  }

  /** Runs {@code work} on each live loan of the chunk the rules step read, each loan isolated. */
  static void eachLoan(ChunkContext chunk, MaintenanceStep step, BiConsumer<AutomationConfig, AutomatedLoan> work) {
    ChunkAutomation c = of(chunk);
    if (c != null) {
      chunk.forEachLoan(step, loan -> {
        AutomatedLoan a = c.loans().get(loan.id());
        if (a != null) {
          work.accept(c.config(), a);
        }
      });
    }
  }

  @Component
  static class RulesStep implements MaintenanceStep {
    private final AutomationConfigs configs;

    RulesStep(AutomationConfigs configs) {
      this.configs = configs;
    }

    @Override
    public MaintenanceStage stage() {
      return MaintenanceStage.RULES;
    }

    @Override
    public String name() {
      return "automation rules";
    }

    @Override
    public void apply(ChunkContext chunk) {
      AutomationConfig config = configs.current(chunk.tenant().id(), chunk.reads());
      if (config.isEmpty()) {
        return;
      }
      List<Long> ids = chunk.liveLoans().stream().map(MaintainedLoan::id).toList();
      Map<Long, AutomatedLoan> loans = LoanFactsReader.read(chunk.reads(), ids, chunk.businessDate(),
          id -> chunk.attached(id, StatusSnapshot.class));
      chunk.attach(CHUNK_KEY, ChunkAutomation.class, new ChunkAutomation(config, loans));
      eachLoan(chunk, this, (cfg, a) -> AutomationEvaluator.rules(cfg, a, AutomationEvaluator.Mode.DAILY_MAINTENANCE));
    }
  }

  @Component
  static class StoplightStep implements MaintenanceStep {
    @Override
    public MaintenanceStage stage() {
      return MaintenanceStage.STOPLIGHTS;
    }

    @Override
    public String name() {
      return "stoplights";
    }

    @Override
    public void apply(ChunkContext chunk) {
      eachLoan(chunk, this, AutomationEvaluator::stoplight);
    }
  }

  /** The last automation step: flags, then everything the engine changed on the loan is stored. */
  @Component
  static class WarningFlagStep implements MaintenanceStep {
    @Override
    public MaintenanceStage stage() {
      return MaintenanceStage.WARNING_FLAGS;
    }

    @Override
    public String name() {
      return "warning flags";
    }

    @Override
    public void apply(ChunkContext chunk) {
      eachLoan(chunk, this, (cfg, a) -> {
        AutomationEvaluator.flags(cfg, a);
        AutomationWriter.store(a, chunk.businessDate(), AutomationEvaluator.Mode.DAILY_MAINTENANCE, chunk::write);
      });
    }
  }
}
