package org.openlms.app.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.schedule.ScheduleCalculator;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/** A stored hint reads back as the installments it was made from, and is used only for the terms it came from. */
class ScheduleHintsTest {

  private final LoanTerms terms = LoanTerms.builder().loanAmount("7350.25").loanRate("17.9").loanTerm(36)
      .contractDate(LocalDate.of(2025, 3, 31)).firstPaymentDate(LocalDate.of(2025, 4, 30))
      .paymentFrequency(PaymentFrequency.MONTHLY).calcType(CalcType.SIMPLE_INTEREST).daysInYear(DaysInYear.ACTUAL)
      .build();

  @Test
  void aHintReadsBackAsTheCurrentAndLastInstallmentsAndIsWrittenAgainOnlyWhenThePeriodMoves() {
    Schedule full = ScheduleCalculator.forServicing(terms);
    List<DayRow> life = Replayer.fromStart(full, CalcSettings.DEFAULT, List.of(), LocalDate.of(2025, 6, 10));
    LoanState s = life.get(life.size() - 1).state();
    long key = ScheduleHints.key(terms);
    Object[] row = ScheduleHints.rowIfChanged(1, s, key, null);
    ScheduleHints.Hint hint = ScheduleHints.parse((long) row[1], (int) row[2], (String) row[3]);

    assertThat(hint.installments()).containsExactly(full.get(s.nextIndex()), full.last());
    Schedule deferred = ScheduleHints.schedule(terms, key, hint, s.nextIndex());
    assertThat(deferred.isComputed()).isFalse();
    assertThat(ScheduleHints.rowIfChanged(1, s.withSchedule(deferred), key, hint)).isNull();
    List<DayRow> on = Replayer.replayFrom(s, CalcSettings.DEFAULT, List.of(), LocalDate.of(2025, 7, 1));
    LoanState nextPeriod = on.get(on.size() - 1).state();
    assertThat(ScheduleHints.rowIfChanged(1, nextPeriod, key, hint)).isNotNull();
  }

  @Test
  void aHintOfOtherTermsOrAnotherPeriodIsNotUsed() {
    Schedule full = ScheduleCalculator.forServicing(terms);
    ScheduleHints.Hint hint = new ScheduleHints.Hint(ScheduleHints.key(terms), full.size(),
        List.of(full.get(2), full.last()));
    LoanTerms other = terms.toBuilder().loanRate("17.8").build();

    assertThat(ScheduleHints.key(other)).isNotEqualTo(ScheduleHints.key(terms));
    assertThat(ScheduleHints.key(terms.toBuilder().build())).isEqualTo(ScheduleHints.key(terms));
    assertThat(ScheduleHints.schedule(other, ScheduleHints.key(other), hint, 2).isComputed()).isTrue();
    assertThat(ScheduleHints.schedule(terms, ScheduleHints.key(terms), hint, 5).isComputed()).isTrue();
    assertThat(ScheduleHints.schedule(terms, ScheduleHints.key(terms), hint, null).isComputed()).isTrue();
    assertThat(ScheduleHints.schedule(terms, ScheduleHints.key(terms), hint, 2).isComputed()).isFalse();
  }
}
