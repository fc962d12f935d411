package org.openlms.app.support;

import java.time.LocalDate;
import java.util.List;
import org.openlms.app.loan.LoanSetup;
import org.openlms.app.loan.LoanSetupRows;
import org.openlms.engine.replay.Replayer;
import org.openlms.engine.schedule.ScheduleCalculator;
import org.openlms.engine.state.CalcSettings;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.terms.LateFeeCalc;
import org.openlms.engine.terms.LateFeeType;
import org.openlms.engine.terms.LoanTerms;

/**
 * Real terms for loans that maintenance tests insert directly: a 5,000.00 monthly loan at 10 % with a 15.00
 * late fee after 5 grace days. With its contract 40 days before the business date, its first installment is
 * past due and its late fee charged by then, so accrual and fees are both exercised.
 */
public final class TestLoans {

  private TestLoans() {}

  public static LoanSetup standard(LocalDate contract) {
    LoanTerms terms = LoanTerms.builder().loanAmount("5000.00").loanRate("10").loanTerm(24).contractDate(contract)
        .firstPaymentDate(contract.plusDays(30)).graceDays(5)
        .lateFee(LateFeeType.FLAT, "15.00", null, LateFeeCalc.STANDARD).build();
    return new LoanSetup(terms, "loan.class.consumer", "loan.type.installment",
        ScheduleCalculator.calculate(terms).disclosure());
  }

  /** Gives every loan of the tenant that has no LoanSetup the standard terms with this contract date. */
  public static void giveTerms(org.springframework.jdbc.core.simple.JdbcClient sql, LocalDate contract) {
    List<Object> values = LoanSetupRows.values(standard(contract));
    sql.sql("INSERT INTO loan_setup (loan_id, " + LoanSetupRows.COLUMNS + ") SELECT l.id" + ", ?".repeat(values.size())
            + " FROM loan l WHERE NOT EXISTS (SELECT 1 FROM loan_setup s WHERE s.loan_id = l.id)")
        .params(values).update();
  }

  /**
   * Stores, for every loan with terms but no state, the engine's state as of {@code asOf} and marks it
   * maintained through that day, as seeding does: the next run then computes one night, not the whole history.
   */
  public static void giveState(org.springframework.jdbc.core.simple.JdbcClient sql, LocalDate contract, LocalDate asOf) {
    Object[] values = org.openlms.app.loan.LoanStateRows.values(0, expected(contract, asOf));
    sql.sql("""
            INSERT INTO loan_state (loan_id, as_of, next_index, late_fee_index, next_due_date, next_late_fee_check,
                principal_balance, unposted_interest, interest_not_due, due_interest, due_principal, due_fees, unpaid,
                prepaid_credit, held_credit, perdiem, interest_accrued_today, last_payment_date, last_payment_amount,
                date_last_current, date_last_current_30, first_delinquency_date, unique_delinquencies, delinquent_days,
                interest_stopped)
            SELECT l.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            FROM loan l WHERE NOT EXISTS (SELECT 1 FROM loan_state s WHERE s.loan_id = l.id)""")
        .params(java.util.Arrays.asList(values).subList(1, values.length)).update();
    sql.sql("UPDATE loan SET last_maintained_date = ?").param(asOf).update();
  }

  /** What the engine says such a loan is at the end of {@code through}, computed from its start. */
  public static LoanState expected(LocalDate contract, LocalDate through) {
    var rows = Replayer.fromStart(ScheduleCalculator.calculate(standard(contract).terms()), CalcSettings.DEFAULT,
        List.of(), through);
    return rows.get(rows.size() - 1).state();
  }
}
