package org.openlms.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.app.loan.LoanStateRows;
import org.openlms.app.support.TestLoans;
import org.openlms.engine.replay.DayRow;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.schedule.ScheduleCalculator;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.LoanState;

/**
 * Maintenance night after night, each night starting from what the last one stored (the state and the schedule hint),
 * across a due date and a late fee, ends where a replay of the loans from their contract date ends, and wrote the
 * same archive row for every day.
 */
class DmNightAfterNightIT {

  @Test
  void fortyNightsOneAfterAnotherEqualAReplayFromTheStart() {
    DmFixture f = DmFixture.newTenant();
    List<Long> loans = List.of(f.loan(), f.loan(), f.loan(), f.loan(), f.loan());
    LocalDate contract = f.contract();
    TestLoans.giveState(f.sql, contract, contract);
    MaintenanceService maintenance = f.bean(MaintenanceService.class);
    for (LocalDate d = contract.plusDays(1); !d.isAfter(f.today()); d = d.plusDays(1)) {
      f.queue(d);
      maintenance.drain(f.tenant);
    }

    List<DayRow> replay = Replayer.fromStart(ScheduleCalculator.forServicing(TestLoans.standard(contract).terms()),
        CalcSettings.DEFAULT, List.of(), f.today());
    LoanState expected = replay.get(replay.size() - 1).state();
    assertThat(expected.dueFees()).as("the nights cross a late fee").isPositive();
    assertThat(f.sql.sql("SELECT count(*) FROM dm_loan_error").query(Long.class).single()).isZero();
    for (long id : loans) {
      LoanState stored = f.sql.sql("SELECT * FROM loan_state WHERE loan_id = ?").param(id)
          .query((rs, n) -> LoanStateRows.map(rs, expected.schedule())).single();
      assertThat(stored).as("loan " + id).isEqualTo(expected);
      for (DayRow day : replay.subList(1, replay.size())) {
        List<Object> archived = f.sql.sql("""
                SELECT amount_due, payoff, days_past_due, perdiem, next_payment_date, periods_remaining,
                       final_payment_amount FROM loan_status_archive WHERE loan_id = ? AND date = ?""")
            .params(id, day.date())
            .query((rs, n) -> List.<Object>of(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getInt(3),
                rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getBigDecimal(7)))
            .single();
        var s = day.status();
        assertThat(archived).as("loan " + id + " on " + day.date()).containsExactly(s.amountDue(), s.payoff(),
            s.daysPastDue(), s.perdiem(), s.nextPaymentDate(), s.periodsRemaining(), s.finalPaymentAmount());
      }
    }
    assertThat(f.sql.sql("SELECT count(*) FROM loan_schedule_hint").query(Long.class).single())
        .as("every loan keeps its schedule hint").isEqualTo(loans.size());
    assertThat(f.sql.sql("SELECT DISTINCT split_part(installments, ',', 1) FROM loan_schedule_hint")
        .query(String.class).list()).containsExactly(String.valueOf(expected.nextIndex() + 1));
  }
}
