package org.openlms.app.loan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openlms.engine.schedule.Disclosure;
import org.openlms.engine.terms.CalcType;
import org.openlms.engine.terms.Coded;
import org.openlms.engine.terms.DaysInYear;
import org.openlms.engine.terms.DueDateChange;
import org.openlms.engine.terms.FirstPeriodDays;
import org.openlms.engine.terms.InterestApplication;
import org.openlms.engine.terms.LateFeeCalc;
import org.openlms.engine.terms.LateFeePercentBase;
import org.openlms.engine.terms.LateFeeType;
import org.openlms.engine.terms.LoanRateType;
import org.openlms.engine.terms.LoanTerms;
import org.openlms.engine.terms.PaymentFrequency;

/** Maps {@link LoanSetup} to the {@code loan_setup} columns and back, with LoanPro's codes in the database. */
public final class LoanSetupRows {

  public static final String COLUMNS = """
      loan_class, loan_type, loan_amount, loan_rate, loan_rate_type, loan_term, contract_date, first_payment_date,
      payment_frequency, calc_type, days_in_year, first_period_days, first_day_interest, interest_application,
      last_as_final, round_decimals, due_date_on_last_dom, grace_days, late_fee_type, late_fee_amount,
      late_fee_percent, late_fee_calc, late_fee_percent_base, payment, apr, orig_final_payment_date,
      orig_final_payment_amount, til_finance_charge, til_total_of_payments, til_loan_amount""";
  static final int COUNT = 30;

  private LoanSetupRows() {}

  public static List<Object> values(LoanSetup s) {
    LoanTerms t = s.terms();
    Disclosure d = s.disclosure();
    List<Object> v = new ArrayList<>(COUNT);
    v.add(s.loanClass());
    v.add(s.loanType());
    v.add(t.loanAmount());
    v.add(t.loanRate());
    v.add(t.loanRateType().code());
    v.add(t.loanTerm());
    v.add(t.contractDate());
    v.add(t.firstPaymentDate());
    v.add(t.paymentFrequency().code());
    v.add(t.calcType().code());
    v.add(t.daysInYear().code());
    v.add(t.firstPeriodDays().code());
    v.add(t.firstDayInterest());
    v.add(t.interestApplication().code());
    v.add(t.lastAsFinal());
    v.add(t.roundDecimals());
    v.add(t.dueDateOnLastDOM());
    v.add(t.graceDays());
    v.add(t.lateFeeType() == null ? null : t.lateFeeType().code());
    v.add(t.lateFeeAmount());
    v.add(t.lateFeePercent());
    v.add(t.lateFeeCalc().code());
    v.add(t.lateFeePercentBase().code());
    v.add(d.payment());
    v.add(d.apr());
    v.add(d.origFinalPaymentDate());
    v.add(d.origFinalPaymentAmount());
    v.add(d.tilFinanceCharge());
    v.add(d.tilTotalOfPayments());
    v.add(d.tilLoanAmount());
    return v;
  }

  /**
   * The text of {@code loan_setup.due_date_changes}: each change as {@code index,originalDate,newDate,lastDom} (1 or
   * 0), separated by {@code ;}, in the order made; null for none. Written only by {@link LoanServicing}.
   */
  static String dueDateChangesText(List<DueDateChange> changes) {
    if (changes.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (DueDateChange c : changes) {
      b.append(b.isEmpty() ? "" : ";").append(c.index()).append(',').append(c.originalDate()).append(',')
          .append(c.newDate()).append(',').append(c.dueDateOnLastDOM() ? 1 : 0);
    }
    return b.toString();
  }

  static List<DueDateChange> dueDateChanges(String text) {
    if (text == null) {
      return List.of();
    }
    List<DueDateChange> out = new ArrayList<>();
    for (String c : text.split(";")) {
      String[] f = c.split(",");
      out.add(new DueDateChange(Integer.parseInt(f[0]), LocalDate.parse(f[1]), LocalDate.parse(f[2]),
          "1".equals(f[3])));
    }
    return out;
  }

  public static LoanSetup map(ResultSet rs, int row) throws SQLException {
    String lateFeeType = rs.getString("late_fee_type");
    LoanTerms terms = new LoanTerms(
        rs.getBigDecimal("loan_amount"),
        rs.getBigDecimal("loan_rate").stripTrailingZeros(),
        Coded.fromCode(LoanRateType.class, rs.getString("loan_rate_type")),
        rs.getInt("loan_term"),
        rs.getObject("contract_date", LocalDate.class),
        rs.getObject("first_payment_date", LocalDate.class),
        Coded.fromCode(PaymentFrequency.class, rs.getString("payment_frequency")),
        Coded.fromCode(CalcType.class, rs.getString("calc_type")),
        Coded.fromCode(DaysInYear.class, rs.getString("days_in_year")),
        Coded.fromCode(FirstPeriodDays.class, rs.getString("first_period_days")),
        rs.getBoolean("first_day_interest"),
        Coded.fromCode(InterestApplication.class, rs.getString("interest_application")),
        rs.getBoolean("last_as_final"),
        rs.getInt("round_decimals"),
        rs.getBoolean("due_date_on_last_dom"),
        rs.getInt("grace_days"),
        lateFeeType == null ? null : Coded.fromCode(LateFeeType.class, lateFeeType),
        rs.getBigDecimal("late_fee_amount"),
        rs.getBigDecimal("late_fee_percent"),
        Coded.fromCode(LateFeeCalc.class, rs.getString("late_fee_calc")),
        Coded.fromCode(LateFeePercentBase.class, rs.getString("late_fee_percent_base")),
        dueDateChanges(rs.getString("due_date_changes")));
    Disclosure d = new Disclosure(rs.getBigDecimal("payment"), rs.getObject("orig_final_payment_date", LocalDate.class),
        rs.getBigDecimal("orig_final_payment_amount"), rs.getBigDecimal("til_finance_charge"),
        rs.getBigDecimal("til_total_of_payments"), rs.getBigDecimal("til_loan_amount"), rs.getBigDecimal("apr"));
    return new LoanSetup(terms, rs.getString("loan_class"), rs.getString("loan_type"), d);
  }
}
