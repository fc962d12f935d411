package org.openlms.app.automation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The realistic configuration the maintenance benchmark measures the automation engine with: 2 recurring charges
 * (a collection fee on the 15th day past due, a monthly servicing fee), 20 automation rules (statuses by
 * delinquency bucket, portfolios by size and age, autopay), 3 stoplight rules and 5 warning flags, over the facts a
 * lender really uses. Most conditions are false on most nights for most loans, as in a real portfolio; changes are
 * written only when something really changes. The status rules do not contradict each other (a loan that a specific
 * rule, such as weekly and 8 days late, puts in a status is left out of the general bucket rule), as a lender's
 * would not: contradicting rules set a loan's status and set it back every night, which a lender sees in the
 * status history and the rules' log, and which cost about 500,000 logged changes a night at 1,000,000 loans.
 */
public final class BenchmarkAutomation {

  /** Rule, then its actions (JSON); portfolio ids are filled in with the ids created. */
  static final List<String[]> RULES = List.of(
      r("status.daysPastDue > 90", "{\"type\":\"setStatus\",\"loanStatusId\":3,\"loanSubStatusId\":31}"),
      r("status.daysPastDue > 60 && status.daysPastDue <= 90", "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":22}"),
      r("status.daysPastDue > 30 && status.daysPastDue <= 60", "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":21}"),
      r("status.daysPastDue > 0 && status.daysPastDue <= 30 && !(setup.paymentFrequency == 'loan.frequency.weekly' && status.daysPastDue > 7) && !(setup.loanRate > 20.0 && status.daysPastDue > 10) && !(status.lastPaymentDate < date('1900-01-01') && status.loanAge > 60)", "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":20}"),
      r("status.daysPastDue == 0 && settings.loanStatusId == 2 && !(status.nextPaymentAmount > setup.payment * 1.5)", "{\"type\":\"setStatus\",\"loanStatusId\":1,\"loanSubStatusId\":10}"),
      r("status.principalBalance > 20000", "{\"type\":\"addPortfolio\",\"portfolioId\":P1}"),
      r("status.principalBalance <= 20000 && P1 in settings.portfolios", "{\"type\":\"removePortfolio\",\"portfolioId\":P1}"),
      r("setup.loanAmount < 5000", "{\"type\":\"addPortfolio\",\"portfolioId\":P2}"),
      r("daysBetween(setup.contractDate, today) > 365", "{\"type\":\"addPortfolio\",\"portfolioId\":P3}"),
      r("status.amountPastDue > 500.0 && settings.autopayEnabled", "{\"type\":\"disableAutopay\"}"),
      r("setup.paymentFrequency == 'loan.frequency.weekly' && status.daysPastDue > 7 && status.daysPastDue <= 30",
          "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":24}"),
      r("status.uniqueDelinquencies > 3 && !(P2 in settings.portfolios)", "{\"type\":\"addPortfolio\",\"portfolioId\":P2}"),
      r("status.payoff > 0.0 && status.payoff < 100.0 && status.daysPastDue == 0", "{\"type\":\"setStatus\",\"loanStatusId\":1,\"loanSubStatusId\":12}"),
      r("status.periodsRemaining <= 1 && status.daysPastDue == 0 && !(status.payoff > 0.0 && status.payoff < 100.0)", "{\"type\":\"setStatus\",\"loanStatusId\":1,\"loanSubStatusId\":13}"),
      r("setup.loanRate > 20.0 && status.daysPastDue > 10 && status.daysPastDue <= 30 && setup.paymentFrequency != 'loan.frequency.weekly'", "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":23}"),
      r("status.delinquentDays > 100 && settings.loanStatusId != 3", "{\"type\":\"addPortfolio\",\"portfolioId\":P3}"),
      r("settings.loanStatusId == 3 && !(P1 in settings.portfolios)", "{\"type\":\"addPortfolio\",\"portfolioId\":P1}"),
      r("status.nextPaymentAmount > setup.payment * 1.5 && status.daysPastDue == 0", "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":25}"),
      r("daysBetween(today, status.nextPaymentDate) == 3 && !settings.autopayEnabled && status.daysPastDue == 0",
          "{\"type\":\"setStatus\",\"loanStatusId\":1,\"loanSubStatusId\":14}"),
      r("status.lastPaymentDate < date('1900-01-01') && status.loanAge > 60 && status.daysPastDue > 0 && status.daysPastDue <= 30 && !(setup.paymentFrequency == 'loan.frequency.weekly' && status.daysPastDue > 7) && !(setup.loanRate > 20.0 && status.daysPastDue > 10)",
          "{\"type\":\"setStatus\",\"loanStatusId\":2,\"loanSubStatusId\":26}"));

  /** Recurring charges: trigger rule, restriction rule, calculation, fixed amount, percentage, base. */
  static final List<String[]> CHARGES = List.of(
      new String[] {"Collection fee", "status.daysPastDue == 15", "status.amountPastDue > 10.0",
          "charge.recurring.calculation.percentage", null, "5", "charge.recurring.percentagebase.apd"},
      new String[] {"Servicing fee", "status.loanAge > 0 && status.loanAge % 30 == 0", "",
          "charge.recurring.calculation.fixed", "3.00", null, null});

  static final List<String[]> STOPLIGHTS = List.of(new String[] {"status.daysPastDue > 30", "red"},
      new String[] {"status.daysPastDue > 0", "yellow"}, new String[] {"true", "green"});

  static final List<String[]> FLAGS = List.of(new String[] {"Past due", "status.daysPastDue > 0"},
      new String[] {"Seriously late", "status.daysPastDue > 60"},
      new String[] {"Large balance", "status.principalBalance > 30000.0"},
      new String[] {"Never paid", "status.lastPaymentDate < date('1900-01-01') && status.loanAge > 60"},
      new String[] {"Maturing", "status.periodsRemaining <= 2"});

  private BenchmarkAutomation() {}

  private static String[] r(String rule, String action) {
    return new String[] {rule, action};
  }

  /**
   * Installs the benchmark's configuration, disabled, unless it is already installed (then it is left as it is, with
   * the loans' statuses, portfolios, stoplights and flags it gave them). True when it was installed now: the next
   * night with it is then its first, which changes most loans once.
   */
  public static boolean installDisabled(JdbcClient db) {
    long rules = db.sql("SELECT count(*) FROM automation_rule WHERE name LIKE 'bench rule %'").query(Long.class).single();
    long portfolios = db.sql("SELECT count(*) FROM portfolio WHERE title LIKE 'Bench _'").query(Long.class).single();
    if (rules == RULES.size() && portfolios == 3) {
      enable(db, false);
      return false;
    }
    install(db);
    enable(db, false);
    return true;
  }

  /**
   * Turns the whole configuration on or off without deleting it, so that nights with and without it are steady
   * nights alike: what earlier nights set (flags, stoplights, statuses, portfolios) stays.
   */
  public static void enable(JdbcClient db, boolean on) {
    db.sql("UPDATE recurring_charge SET is_enabled = ?").param(on).update();
    db.sql("UPDATE automation_rule SET enabled = ?").param(on).update();
    db.sql("UPDATE stoplight_rule SET enabled = ?").param(on).update();
    db.sql("UPDATE warning_flag SET enabled = ?").param(on).update();
    AutomationConfigs.bump(db);
  }

  /** Replaces the tenant's configuration with the benchmark's (three portfolios are created for it). */
  static void install(JdbcClient db) {
    clear(db);
    long[] p = new long[3];
    for (int i = 0; i < 3; i++) {
      p[i] = db.sql("INSERT INTO portfolio (title) VALUES (?) RETURNING id").param("Bench " + (i + 1))
          .query(Long.class).single();
    }
    int order = 1;
    for (String[] c : CHARGES) {
      db.sql("""
          INSERT INTO recurring_charge (title, trigger_type, trigger_rule, restriction_rule, calculation, fixed_amount,
            percentage, percentage_base, charge_type_id, eval_order)
          VALUES (?, 'charge.recurring.triggertype.rule', ?, ?, ?, ?::numeric, ?::numeric, ?, 5, ?)""")
          .params(c[0], c[1], c[2], c[3], c[4], c[5], c[6], order++).update();
    }
    order = 1;
    for (String[] r : RULES) {
      db.sql("INSERT INTO automation_rule (name, rule, eval_order, actions) VALUES (?, ?, ?, ?::jsonb)")
          .params("bench rule " + order, ids(r[0], p), order++, "[" + ids(r[1], p) + "]").update();
    }
    int priority = 1;
    for (String[] s : STOPLIGHTS) {
      db.sql("INSERT INTO stoplight_rule (name, rule, color, priority) VALUES (?, ?, ?, ?)")
          .params("bench " + s[1], s[0], s[1], priority++).update();
    }
    for (String[] f : FLAGS) {
      db.sql("INSERT INTO warning_flag (name, color, rule) VALUES (?, '#cc0000', ?)").params(f[0], f[1]).update();
    }
    AutomationConfigs.bump(db);
  }

  /**
   * Removes every recurring charge, rule, stoplight rule and flag (and the loans' flags and memberships of earlier
   * benchmark portfolios, and those portfolios).
   */
  static void clear(JdbcClient db) {
    db.sql("DELETE FROM recurring_charge").update();
    db.sql("DELETE FROM automation_rule").update();
    db.sql("DELETE FROM stoplight_rule").update();
    db.sql("DELETE FROM loan_flag").update();
    db.sql("DELETE FROM warning_flag").update();
    db.sql("DELETE FROM loan_sub_portfolio WHERE sub_portfolio_id IN (SELECT s.id FROM sub_portfolio s "
        + "JOIN portfolio p ON p.id = s.portfolio_id WHERE p.title LIKE 'Bench _')").update();
    db.sql("DELETE FROM sub_portfolio WHERE portfolio_id IN (SELECT id FROM portfolio WHERE title LIKE 'Bench _')")
        .update();
    db.sql("DELETE FROM loan_portfolio WHERE portfolio_id IN (SELECT id FROM portfolio WHERE title LIKE 'Bench _')")
        .update();
    db.sql("DELETE FROM portfolio WHERE title LIKE 'Bench _'").update();
    AutomationConfigs.bump(db);
  }

  private static String ids(String s, long[] p) {
    return s.replace("P1", String.valueOf(p[0])).replace("P2", String.valueOf(p[1])).replace("P3", String.valueOf(p[2]));
  }
}
