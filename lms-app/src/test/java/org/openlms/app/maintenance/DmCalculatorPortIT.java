package org.openlms.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.maintenance.MaintenanceWorker.ClaimedChunk;
import org.openlms.app.maintenance.step.CalculatorStep;
import org.openlms.app.maintenance.step.DayCalculator;
import org.openlms.app.maintenance.step.MaintainedLoan;
import org.openlms.app.maintenance.step.MaintenancePipeline;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** How the engine plugs in: the calculator stage calls the {@link DayCalculator} port, or nothing without one. */
class DmCalculatorPortIT {

  @Test
  void theCalculatorIsPreparedOncePerChunkAndStepsEachLoanWhoseWritesAreApplied() {
    DmFixture f = DmFixture.newTenant();
    TestSteps.createEffectTable(f.sql);
    long maintainedBefore = f.loan(Map.of("last_maintained_date", f.today().minusDays(3)));
    long fresh = f.loan();
    long broken = f.loan();
    List<List<Long>> prepared = new ArrayList<>();
    DayCalculator calc = chunk -> {
      prepared.add(chunk.liveLoans().stream().map(MaintainedLoan::id).toList());
      return (loan, ctx) -> {
        if (loan.id() == broken) {
          throw new ArithmeticException("schedule has no periods");
        }
        ctx.write(loan.id(), "INSERT INTO dm_test_effect (loan_id, date, stage) VALUES (?, ?, ?)", loan.id(),
            ctx.businessDate(), "from " + loan.lastMaintainedDate());
      };
    };
    ChunkOutcome outcome = runOneChunk(f, calc);

    assertThat(prepared).containsExactly(List.of(maintainedBefore, fresh, broken));
    assertThat(outcome.maintained()).isEqualTo(2);
    assertThat(outcome.failed()).isEqualTo(1);
    assertThat(f.sql.sql("SELECT stage FROM dm_test_effect ORDER BY loan_id").query(String.class).list())
        .containsExactly("from " + f.today().minusDays(3), "from null");
    assertThat(f.sql.sql("SELECT step || ': ' || error FROM dm_loan_error WHERE loan_id = ?").param(broken)
        .query(String.class).single()).isEqualTo("calculator: ArithmeticException: schedule has no periods");
  }

  @Test
  void withoutAnEngineAdapterTheStageIsEmptyAndLoansOnlyGetTheirBookkeeping() {
    DmFixture f = DmFixture.newTenant();
    TestSteps.createEffectTable(f.sql);
    long loan = f.loan();
    assertThat(runOneChunk(f, null).maintained()).isEqualTo(1);
    assertThat(f.lastMaintained(loan)).isEqualTo(f.today());
    assertThat(TestSteps.effects(f.sql, loan)).isZero();
    assertThat(f.bean(MaintenancePipeline.class).steps()).extracting(s -> s.name())
        .containsExactly("calculator", "recurring charges", "automation rules", "stoplights", "warning flags");
  }

  private static ChunkOutcome runOneChunk(DmFixture f, DayCalculator calc) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (calc != null) {
      beans.addBean("calculator", calc);
    }
    MaintenancePipeline pipeline = new MaintenancePipeline(List.of(
        new CalculatorStep(beans.getBeanProvider(DayCalculator.class))));
    f.queue(f.today());
    f.bean(MaintenancePlanner.class).planNext(f.tenant).orElseThrow();
    MaintenanceWorker worker = f.bean(MaintenanceWorker.class);
    ClaimedChunk c = worker.claim(f.tenant, "node-a").orElseThrow();
    return worker.process(f.tenant, c, "node-a", pipeline);
  }
}
