package org.openlms.app.maintenance.step;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Stage 1: the calculator, delegating to the engine adapter behind {@link DayCalculator} when there is one. */
@Component
public class CalculatorStep implements MaintenanceStep {

  private final ObjectProvider<DayCalculator> calculator;

  public CalculatorStep(ObjectProvider<DayCalculator> calculator) {
    this.calculator = calculator;
  }

  @Override
  public MaintenanceStage stage() {
    return MaintenanceStage.CALCULATOR;
  }

  @Override
  public String name() {
    return "calculator";
  }

  @Override
  public void apply(ChunkContext chunk) {
    DayCalculator calc = calculator.getIfAvailable();
    if (calc == null) {
      return; // no engine adapter yet: bookkeeping only, never an invented accrual
    }
    DayCalculator.DayBatch batch = calc.prepare(chunk);
    chunk.forEachLoan(this, loan -> batch.step(loan, chunk));
  }
}
