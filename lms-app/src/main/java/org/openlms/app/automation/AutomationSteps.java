package org.openlms.app.automation;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.openlms.app.loan.MaintainedDay;
import org.openlms.app.maintenance.step.BulkTable;
import org.openlms.app.maintenance.step.ChunkContext;
import org.openlms.app.maintenance.step.MaintainedLoan;
import org.openlms.app.maintenance.step.MaintenanceStage;
import org.openlms.app.maintenance.step.MaintenanceStep;
import org.openlms.engine.state.Adjustment;
import org.openlms.engine.state.StatusSnapshot;
import org.springframework.stereotype.Component;

/**
 * Daily maintenance steps 2 to 4 over a chunk: the first automation step reads every live loan's facts in one
 * statement (the day's status comes from the calculator, in memory); recurring charges, then rules, then
 * stoplights and warning flags each see the loans as the step before left them, and the last step stores what
 * changed (charges are stored when put on, as the day is computed again with them; the log, the flag history and
 * the settings columns in one statement per chunk each). A tenant without any
 * configuration costs one small query a chunk.
 */
final class AutomationSteps {

  private AutomationSteps() {}

  /** The chunk's configuration and loans, attached to the chunk by the rules step. */
  record ChunkAutomation(AutomationConfig config, Map<Long, AutomatedLoan> loans) {}

  private static final long CHUNK_KEY = Long.MIN_VALUE; // ChunkAutomation is attached once, not per loan

  static ChunkAutomation of(ChunkContext chunk) {
    return chunk.attached(CHUNK_KEY, ChunkAutomation.class);
  }

  /** The chunk's loans as the automation engine holds them: read by the first automation step that runs. */
  static ChunkAutomation load(ChunkContext chunk, AutomationConfigs configs) {
    ChunkAutomation loaded = of(chunk);
    if (loaded != null) {
      return loaded;
    }
    AutomationConfig config = configs.current(chunk.tenant().id(), chunk.reads());
    if (config.isEmpty()) {
      return null;
    }
    List<Long> ids = chunk.liveLoans().stream().map(MaintainedLoan::id).toList();
    // Each loan's state is in memory when the calculator left its day (always, in the node's pipeline).
    boolean statesInMemory = ids.stream().allMatch(id -> chunk.attached(id, MaintainedDay.class) != null);
    Map<Long, AutomatedLoan> loans = LoanFactsReader.read(chunk.reads(), ids, chunk.businessDate(),
        id -> chunk.attached(id, StatusSnapshot.class),
        statesInMemory ? id -> chunk.attached(id, MaintainedDay.class).interestStopped() : null);
    for (AutomatedLoan a : loans.values()) {
      long id = a.id();
      a.charger(new AutomatedLoan.Charger() {
        @Override
        public StatusSnapshot charge(org.openlms.app.loan.NewCharge c, String source, long sourceId) {
          return chunk.attached(id, MaintainedDay.class).add(chunk, c, source, sourceId);
        }

        @Override
        public StatusSnapshot adjust(java.time.LocalDate date, Adjustment.Kind kind, String source, long sourceId) {
          return chunk.attached(id, MaintainedDay.class).adjust(chunk, kind, source, sourceId);
        }
      });
    }
    ChunkAutomation c = new ChunkAutomation(config, loans);
    chunk.attach(CHUNK_KEY, ChunkAutomation.class, c);
    return c;
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
  static class RecurringChargesStep implements MaintenanceStep {
    private final AutomationConfigs configs;

    RecurringChargesStep(AutomationConfigs configs) {
      this.configs = configs;
    }

    @Override
    public MaintenanceStage stage() {
      return MaintenanceStage.RECURRING_CHARGES;
    }

    @Override
    public String name() {
      return "recurring charges";
    }

    @Override
    public void apply(ChunkContext chunk) {
      ChunkAutomation c = load(chunk, configs);
      if (c != null && !c.config().charges().isEmpty()) {
        eachLoan(chunk, this, AutomationEvaluator::recurringCharges);
      }
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
      load(chunk, configs);
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
      // Statements in the order made; rows of the log, the flag history and the settings with the chunk's others
      RuleAction.Sink sink = new RuleAction.Sink() {
        @Override
        public void write(long loanId, String sql, Object... params) {
          chunk.write(loanId, sql, params);
        }

        @Override
        public void row(long loanId, BulkTable table, String sql, Object... values) {
          chunk.bulk(loanId, table, values);
        }
      };
      eachLoan(chunk, this, (cfg, a) -> {
        AutomationEvaluator.flags(cfg, a);
        AutomationWriter.store(a, chunk.businessDate(), AutomationEvaluator.Mode.DAILY_MAINTENANCE, sink);
      });
    }
  }
}
