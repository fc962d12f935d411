package org.openlms.app.automation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.openlms.engine.rules.Fact;
import org.openlms.engine.rules.LoanFacts;
import org.openlms.engine.state.StatusSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the facts rules see for many loans in one statement: setup, settings, memberships and flags, plus the
 * day's status values computed by the engine (given by the caller: daily maintenance has them in memory).
 */
public final class LoanFactsReader {

  // The memberships of the chunk's loans in one grouped scan each (not one subquery per loan): about half the
  // buffers at 1,000 loans a chunk. Interest stopped comes from the loan's state row unless the caller has it.
  private static final String SQL = """
      SELECT l.id, l.created, s.loan_class, s.loan_type, s.loan_amount, s.loan_rate, s.loan_term, s.payment,
             s.contract_date, s.first_payment_date, s.orig_final_payment_date, s.payment_frequency,
             st.loan_status_id, st.loan_sub_status_id, st.autopay_enabled, st.is_stoplight_manually_set,
             st.stoplight, %s AS interest_stopped, p.ids AS portfolios, sp.ids AS subs, f.ids AS flags,
             cf.pairs AS custom
      FROM loan l JOIN loan_setup s ON s.loan_id = l.id LEFT JOIN loan_settings st ON st.loan_id = l.id %s
        LEFT JOIN (SELECT loan_id, array_agg(portfolio_id ORDER BY portfolio_id) AS ids FROM loan_portfolio
                   WHERE loan_id = ANY(?) GROUP BY loan_id) p ON p.loan_id = l.id
        LEFT JOIN (SELECT loan_id, array_agg(sub_portfolio_id ORDER BY sub_portfolio_id) AS ids FROM loan_sub_portfolio
                   WHERE loan_id = ANY(?) GROUP BY loan_id) sp ON sp.loan_id = l.id
        LEFT JOIN (SELECT loan_id, array_agg(flag_id ORDER BY flag_id) AS ids FROM loan_flag
                   WHERE loan_id = ANY(?) GROUP BY loan_id) f ON f.loan_id = l.id
        LEFT JOIN (SELECT v.loan_id, array_agg(ARRAY[c.name, v.value]) AS pairs FROM loan_custom_field_value v
                   JOIN custom_field c ON c.id = v.custom_field_id WHERE v.loan_id = ANY(?) GROUP BY v.loan_id) cf
          ON cf.loan_id = l.id
      WHERE l.id = ANY(?) ORDER BY l.id""";
  private static final String WITH_STATE =
      SQL.formatted("coalesce(ls.interest_stopped, false)", "LEFT JOIN loan_state ls ON ls.loan_id = l.id");
  private static final String WITHOUT_STATE = SQL.formatted("false", "");

  private LoanFactsReader() {}

  /** The loans found, in id order; a loan without a status (none given) gets the status facts' zeros. */
  public static Map<Long, AutomatedLoan> read(JdbcClient db, List<Long> ids, LocalDate today,
      LongFunction<StatusSnapshot> status) {
    return read(db, ids, today, status, null);
  }

  /**
   * As {@link #read(JdbcClient, List, LocalDate, LongFunction)}, with whether interest is stopped on each loan given
   * by the caller (daily maintenance has each loan's state in memory), so the state rows are not read again.
   */
  public static Map<Long, AutomatedLoan> read(JdbcClient db, List<Long> ids, LocalDate today,
      LongFunction<StatusSnapshot> status, java.util.function.LongPredicate interestStopped) {
    Map<Long, AutomatedLoan> loans = new LinkedHashMap<>();
    Long[] array = ids.toArray(Long[]::new);
    List<String> fields = db.sql("SELECT name FROM custom_field").query(String.class).list();
    db.sql(interestStopped == null ? WITH_STATE : WITHOUT_STATE).params(array, array, array, array, array).query((rs, n) -> {
      long id = rs.getLong("id");
      boolean stopped = interestStopped == null ? rs.getBoolean("interest_stopped") : interestStopped.test(id);
      loans.put(id, new AutomatedLoan(id, today, rs.getTimestamp("created").toInstant(),
          rs.getBoolean("is_stoplight_manually_set"), facts(rs, today, status.apply(id), stopped, fields)));
      return null;
    }).list();
    return loans;
  }

  private static LoanFacts facts(ResultSet rs, LocalDate today, StatusSnapshot s, boolean interestStopped,
      List<String> customFields) throws SQLException {
    LoanFacts.Builder b = LoanFacts.builder()
        .set(Fact.TODAY, today)
        .set(Fact.SETUP_LOAN_AMOUNT, rs.getBigDecimal("loan_amount"))
        .set(Fact.SETUP_LOAN_RATE, rs.getBigDecimal("loan_rate"))
        .set(Fact.SETUP_LOAN_TERM, rs.getInt("loan_term"))
        .set(Fact.SETUP_PAYMENT, rs.getBigDecimal("payment"))
        .set(Fact.SETUP_CONTRACT_DATE, rs.getObject("contract_date", LocalDate.class))
        .set(Fact.SETUP_FIRST_PAYMENT_DATE, rs.getObject("first_payment_date", LocalDate.class))
        .set(Fact.SETUP_ORIG_MATURITY_DATE, rs.getObject("orig_final_payment_date", LocalDate.class))
        .set(Fact.SETUP_PAYMENT_FREQUENCY, rs.getString("payment_frequency"))
        .set(Fact.SETUP_LOAN_CLASS, rs.getString("loan_class"))
        .set(Fact.SETUP_LOAN_TYPE, rs.getString("loan_type"))
        .set(Fact.SETTINGS_LOAN_STATUS_ID, rs.getInt("loan_status_id"))
        .set(Fact.SETTINGS_LOAN_SUB_STATUS_ID, rs.getInt("loan_sub_status_id"))
        .set(Fact.SETTINGS_AUTOPAY_ENABLED, rs.getBoolean("autopay_enabled"))
        .set(Fact.SETTINGS_STOPLIGHT, rs.getString("stoplight"))
        .set(Fact.SETTINGS_INTEREST_STOPPED, interestStopped)
        .setIds(Fact.SETTINGS_PORTFOLIOS, ids(rs.getArray("portfolios")))
        .setIds(Fact.SETTINGS_SUB_PORTFOLIOS, ids(rs.getArray("subs")))
        .setIds(Fact.SETTINGS_FLAGS, ids(rs.getArray("flags")))
        .setMap(Fact.CUSTOM, custom(customFields, rs.getArray("custom")));
    return (s == null ? b : status(b, s)).build();
  }

  /** The facts with the day's status values (after the calculator, or after a charge the engine put on). */
  public static LoanFacts withStatus(LoanFacts f, StatusSnapshot s) {
    return status(f.toBuilder(), s).build();
  }

  private static LoanFacts.Builder status(LoanFacts.Builder b, StatusSnapshot s) {
    return b.set(Fact.STATUS_DAYS_PAST_DUE, s.daysPastDue())
        .set(Fact.STATUS_AMOUNT_PAST_DUE, s.amountDue())
        .set(Fact.STATUS_AMOUNT_PAST_DUE_30, s.amountPastDue30())
        .set(Fact.STATUS_PAYOFF, s.payoff())
        .set(Fact.STATUS_PRINCIPAL_BALANCE, s.principalBalance())
        .set(Fact.STATUS_DUE_FEES, s.dueFees())
        .set(Fact.STATUS_NEXT_PAYMENT_DATE, s.nextPaymentDate())
        .set(Fact.STATUS_NEXT_PAYMENT_AMOUNT, s.nextPaymentAmount())
        .set(Fact.STATUS_LAST_PAYMENT_DATE, s.lastPaymentDate())
        .set(Fact.STATUS_LAST_PAYMENT_AMOUNT, s.lastPaymentAmount())
        .set(Fact.STATUS_PERIODS_REMAINING, s.periodsRemaining())
        .set(Fact.STATUS_LOAN_AGE, s.loanAge())
        .set(Fact.STATUS_UNIQUE_DELINQUENCIES, s.uniqueDelinquencies())
        .set(Fact.STATUS_DELINQUENT_DAYS, s.delinquentDays())
        .set(Fact.STATUS_FIRST_DELINQUENCY_DATE, s.firstDelinquencyDate());
  }

  /** Every custom field the tenant defines, by name: the loan's value, or "" when it has none. */
  private static Map<String, String> custom(List<String> fields, Array array) throws SQLException {
    if (fields.isEmpty()) {
      return Map.of();
    }
    Map<String, String> m = new java.util.HashMap<>();
    fields.forEach(f -> m.put(f, ""));
    if (array != null) {
      for (Object pair : (Object[]) array.getArray()) {
        String[] p = (String[]) pair;
        m.put(p[0], p[1]);
      }
    }
    return m;
  }

  private static List<Long> ids(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.stream((Long[]) array.getArray()).toList();
  }
}
