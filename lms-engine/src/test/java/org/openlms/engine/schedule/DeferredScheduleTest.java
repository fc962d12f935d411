package org.openlms.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.DayResult;
import org.openlms.engine.state.DayStep;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.state.StatusSnapshot;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/**
 * A deferred schedule, known only by its size, its current installment and its last, steps a loan exactly as the
 * computed schedule does on every day of its life, and quiet days never compute it.
 */
class DeferredScheduleTest {

  @Test
  void everyDayStepsAlikeWithADeferredScheduleAndQuietDaysDoNotComputeIt() {
    for (PaymentFrequency f : PaymentFrequency.values()) {
      for (CalcType c : new CalcType[] {CalcType.SIMPLE_INTEREST, CalcType.RULE_78, CalcType.INTEREST_ONLY}) {
        LoanTerms t = LoanTerms.builder().loanAmount("5000").loanRate("12.5")
            .loanTerm(f == PaymentFrequency.SINGLE ? 1 : 12).contractDate(LocalDate.of(2024, 1, 15))
            .firstPaymentDate(LocalDate.of(2024, 2, 15)).paymentFrequency(f).calcType(c)
            .daysInYear(DaysInYear.ACTUAL).build();
        Schedule full = ScheduleCalculator.forServicing(t);
        LocalDate end = full.last().dueDate().plusDays(40);
        List<DayRow> life = Replayer.fromStart(full, CalcSettings.DEFAULT, List.of(), end);
        int quietDays = 0;
        for (int d = 0; d + 1 < life.size(); d++) {
          LoanState before = life.get(d).state();
          int current = Math.min(before.nextIndex(), full.size() - 1);
          Schedule deferred = Schedule.deferred(t, full.size(), List.of(full.get(current), full.last()));
          DayResult step = DayStep.step(before.withSchedule(deferred), life.get(d + 1).date());
          StatusSnapshot status = StatusSnapshot.of(step.state(), CalcSettings.DEFAULT);
          boolean quiet = !deferred.isComputed();
          assertThat(step.state()).as(f + " " + c + " day " + d).isEqualTo(life.get(d + 1).state());
          assertThat(status).isEqualTo(life.get(d + 1).status());
          quietDays += quiet ? 1 : 0;
        }
        assertThat(quietDays).as(f + " " + c + ": most days are quiet").isGreaterThan(life.size() / 2);
      }
    }
  }

  @Test
  void installmentsThatDoNotFollowFromTheTermsAreRefusedWhenTheScheduleIsComputed() {
    LoanTerms t = LoanTerms.builder().loanAmount("5000").loanRate("12.5").loanTerm(12)
        .contractDate(LocalDate.of(2024, 1, 15)).firstPaymentDate(LocalDate.of(2024, 2, 15))
        .paymentFrequency(PaymentFrequency.MONTHLY).calcType(CalcType.SIMPLE_INTEREST)
        .daysInYear(DaysInYear.ACTUAL).build();
    Schedule other = ScheduleCalculator.forServicing(t.toBuilder().loanAmount("6000").build());
    Schedule deferred = Schedule.deferred(t, other.size(), List.of(other.get(3), other.last()));
    assertThat(deferred.get(3)).isEqualTo(other.get(3)); // taken on trust while nothing else is asked
    assertThatThrownBy(deferred::regularPayment).isInstanceOf(IllegalStateException.class);
  }
}
