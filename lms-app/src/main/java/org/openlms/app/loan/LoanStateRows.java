package org.openlms.app.loan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.state.DueItem;
import org.openlms.engine.state.LoanState;

/**
 * Maps the engine's {@link LoanState} to {@code loan_state} and back. The schedule is not stored: it follows
 * from the terms, so the caller passes it in. Column scales equal the engine's (2 for money, 10 for accruals),
 * so a stored state reads back exactly.
 */
public final class LoanStateRows {

  public static final String UPSERT = """
      INSERT INTO loan_state (loan_id, as_of, next_index, late_fee_index, next_due_date, next_late_fee_check,
          principal_balance, unposted_interest, interest_not_due, due_interest, due_principal, due_fees, unpaid,
          prepaid_credit, held_credit, perdiem, interest_accrued_today, last_payment_date, last_payment_amount,
          date_last_current, date_last_current_30, first_delinquency_date, unique_delinquencies, delinquent_days,
          interest_stopped)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (loan_id) DO UPDATE SET as_of = EXCLUDED.as_of, next_index = EXCLUDED.next_index,
          late_fee_index = EXCLUDED.late_fee_index, next_due_date = EXCLUDED.next_due_date,
          next_late_fee_check = EXCLUDED.next_late_fee_check, principal_balance = EXCLUDED.principal_balance,
          unposted_interest = EXCLUDED.unposted_interest, interest_not_due = EXCLUDED.interest_not_due,
          due_interest = EXCLUDED.due_interest, due_principal = EXCLUDED.due_principal,
          due_fees = EXCLUDED.due_fees, unpaid = EXCLUDED.unpaid, prepaid_credit = EXCLUDED.prepaid_credit,
          held_credit = EXCLUDED.held_credit, perdiem = EXCLUDED.perdiem,
          interest_accrued_today = EXCLUDED.interest_accrued_today, last_payment_date = EXCLUDED.last_payment_date,
          last_payment_amount = EXCLUDED.last_payment_amount, date_last_current = EXCLUDED.date_last_current,
          date_last_current_30 = EXCLUDED.date_last_current_30, first_delinquency_date = EXCLUDED.first_delinquency_date,
          unique_delinquencies = EXCLUDED.unique_delinquencies, delinquent_days = EXCLUDED.delinquent_days,
          interest_stopped = EXCLUDED.interest_stopped""";

  /** The columns of {@code loan_state}, in the order of {@link #values}. */
  public static final List<String> COLUMNS = List.of("loan_id", "as_of", "next_index", "late_fee_index",
      "next_due_date", "next_late_fee_check", "principal_balance", "unposted_interest", "interest_not_due",
      "due_interest", "due_principal", "due_fees", "unpaid", "prepaid_credit", "held_credit", "perdiem",
      "interest_accrued_today", "last_payment_date", "last_payment_amount", "date_last_current",
      "date_last_current_30", "first_delinquency_date", "unique_delinquencies", "delinquent_days",
      "interest_stopped");

  private LoanStateRows() {}

  public static Object[] values(long loanId, LoanState s) {
    return new Object[] {loanId, s.date(), s.nextIndex(), s.lateFeeIndex(), s.nextDueDate(), s.nextLateFeeCheck(),
        s.principalBalance(), s.unpostedInterest(), s.interestNotDue(), s.dueInterest(), s.duePrincipal(),
        s.dueFees(), unpaidJson(s.unpaid()), s.prepaidCredit(), s.heldCredit(), s.perdiem(),
        s.interestAccruedToday(), s.lastPaymentDate(), s.lastPaymentAmount(), s.dateLastCurrent(),
        s.dateLastCurrent30(), s.firstDelinquencyDate(), s.uniqueDelinquencies(), s.delinquentDays(),
        s.interestStopped()};
  }

  public static LoanState map(ResultSet rs, Schedule schedule) throws SQLException {
    return new LoanState(schedule, date(rs, "as_of"), rs.getInt("next_index"), rs.getInt("late_fee_index"),
        date(rs, "next_due_date"), date(rs, "next_late_fee_check"), rs.getBigDecimal("principal_balance"),
        rs.getBigDecimal("unposted_interest"), rs.getBigDecimal("interest_not_due"),
        rs.getBigDecimal("due_interest"), rs.getBigDecimal("due_principal"), rs.getBigDecimal("due_fees"),
        unpaid(rs.getString("unpaid")), rs.getBigDecimal("prepaid_credit"), rs.getBigDecimal("held_credit"),
        rs.getBigDecimal("perdiem"), rs.getBigDecimal("interest_accrued_today"), date(rs, "last_payment_date"),
        rs.getBigDecimal("last_payment_amount"), date(rs, "date_last_current"), date(rs, "date_last_current_30"),
        date(rs, "first_delinquency_date"), rs.getInt("unique_delinquencies"), rs.getInt("delinquent_days"),
        rs.getBoolean("interest_stopped"));
  }

  /** {@code [["2020-09-01","12.34"], ...]}: small, ordered, and exact (amounts as strings). */
  static String unpaidJson(List<DueItem> items) {
    StringBuilder sb = new StringBuilder("[");
    for (DueItem i : items) {
      sb.append(sb.length() > 1 ? "," : "").append("[\"").append(i.dueDate()).append("\",\"")
          .append(i.remaining().toPlainString()).append("\"]");
    }
    return sb.append(']').toString();
  }

  static List<DueItem> unpaid(String json) {
    List<DueItem> out = new ArrayList<>();
    // Read every night for every loan: the quoted strings in order, without a regex or a JSON parser.
    List<String> strings = new ArrayList<>();
    for (int i = json.indexOf('"'); i >= 0; i = json.indexOf('"', i + 1)) {
      int end = json.indexOf('"', i + 1);
      strings.add(json.substring(i + 1, end));
      i = end;
    }
    for (int i = 0; i + 1 < strings.size(); i += 2) {
      out.add(new DueItem(isoDate(strings.get(i)), new BigDecimal(strings.get(i + 1))));
    }
    return out;
  }

  /**
   * A date as {@link LocalDate#toString} writes years 0000-9999 ({@code 2020-09-01}); other text goes to {@link
   * LocalDate#parse}. Stored text read back every night for every loan: the formatter's general parser cost more
   * than the rest of reading a loan's schedule hint.
   */
  static LocalDate isoDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return LocalDate.parse(s);
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    return year < 0 || month < 0 || day < 0 ? LocalDate.parse(s) : LocalDate.of(year, month, day);
  }

  /** The non-negative number written in {@code s[from, to)}, or -1 if a character there is not a digit. */
  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static LocalDate date(ResultSet rs, String col) throws SQLException {
    return rs.getObject(col, LocalDate.class); // no Calendar, unlike getDate
  }
}
