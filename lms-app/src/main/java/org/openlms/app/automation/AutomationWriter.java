package org.openlms.app.automation;

import java.time.LocalDate;
import java.util.List;
import org.openlms.app.maintenance.step.BulkTable;
import org.openlms.engine.rules.Fact;
import org.openlms.engine.rules.LoanFacts;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores what the automation engine did to one loan: its changes, one log row per rule applied, its failures.
 * LoanSettings (status, sub-status, autopay, stoplight) are written once, with the values the last rule left, and
 * only the columns that end up different from what was read: when one rule sets a status and a later one sets it
 * back, both are logged and the row is not rewritten.
 */
public final class AutomationWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The log of rules applied: rows only added (new ids), never conflicting, so COPYed with the chunk's. */
  static final BulkTable APPLIED = new BulkTable("automation_applied",
      List.of("loan_id", "source", "source_id", "date", "mode", "changes"), null).directWhen((db, rows) -> true);

  // LoanSettings columns the rules change, each set from arrays in one UPDATE per chunk in maintenance.
  static final BulkTable STATUS = BulkTable.update("loan_settings",
      List.of("loan_id", "loan_status_id", "loan_sub_status_id"), List.of("int8", "int4", "int4"));
  static final BulkTable AUTOPAY = BulkTable.update("loan_settings", List.of("loan_id", "autopay_enabled"),
      List.of("int8", "bool"));
  static final BulkTable STOPLIGHT = BulkTable.update("loan_settings", List.of("loan_id", "stoplight"),
      List.of("int8", "text"));

  private AutomationWriter() {}

  public static void store(AutomatedLoan loan, LocalDate date, AutomationEvaluator.Mode mode, RuleAction.Sink sink) {
    long id = loan.id();
    for (AutomatedLoan.Applied a : loan.applied()) {
      for (RuleAction action : a.actions()) {
        action.store(id, date, a.source(), sink);
      }
      sink.row(id, APPLIED, """
          INSERT INTO automation_applied (loan_id, source, source_id, date, mode, changes)
          VALUES (?, ?, ?, ?, ?, ?::jsonb)""", id, a.source(), a.sourceId(), date, mode.code,
          JSON.writeValueAsString(a.changes()));
    }
    if (!loan.applied().isEmpty()) {
      storeSettings(id, loan.readFacts(), loan.facts(), sink);
    }
    for (AutomatedLoan.Failure f : loan.failures()) {
      sink.write(id, """
          INSERT INTO automation_error (loan_id, source, source_id, date, mode, message) VALUES (?, ?, ?, ?, ?, ?)""",
          id, f.source(), f.sourceId(), date, mode.code, f.message());
    }
  }

  /**
   * The settings columns whose value changed. Rules set only positive status ids and a colour, so a value equal to
   * the one read (where NULL reads as 0 or "") was either never set or set back.
   */
  private static void storeSettings(long loanId, LoanFacts before, LoanFacts after, RuleAction.Sink sink) {
    if (after.intValue(Fact.SETTINGS_LOAN_STATUS_ID) != before.intValue(Fact.SETTINGS_LOAN_STATUS_ID)
        || after.intValue(Fact.SETTINGS_LOAN_SUB_STATUS_ID) != before.intValue(Fact.SETTINGS_LOAN_SUB_STATUS_ID)) {
      sink.row(loanId, STATUS, "UPDATE loan_settings s SET loan_status_id = v.a, loan_sub_status_id = v.b "
          + "FROM (SELECT ?::bigint AS id, ?::int AS a, ?::int AS b) v WHERE s.loan_id = v.id",
          settings(loanId, (int) after.intValue(Fact.SETTINGS_LOAN_STATUS_ID),
              (int) after.intValue(Fact.SETTINGS_LOAN_SUB_STATUS_ID)));
    }
    if (after.boolValue(Fact.SETTINGS_AUTOPAY_ENABLED) != before.boolValue(Fact.SETTINGS_AUTOPAY_ENABLED)) {
      sink.row(loanId, AUTOPAY, "UPDATE loan_settings s SET autopay_enabled = v.a "
          + "FROM (SELECT ?::bigint AS id, ?::boolean AS a) v WHERE s.loan_id = v.id",
          settings(loanId, after.boolValue(Fact.SETTINGS_AUTOPAY_ENABLED)));
    }
    if (!after.stringValue(Fact.SETTINGS_STOPLIGHT).equals(before.stringValue(Fact.SETTINGS_STOPLIGHT))) {
      sink.row(loanId, STOPLIGHT, "UPDATE loan_settings s SET stoplight = v.a "
          + "FROM (SELECT ?::bigint AS id, ?::text AS a) v WHERE s.loan_id = v.id",
          settings(loanId, after.stringValue(Fact.SETTINGS_STOPLIGHT)));
    }
  }

  /** A settings row's values, the key first (the bulk update's order, and the statements' above). */
  private static Object[] settings(long loanId, Object... columns) {
    Object[] v = new Object[columns.length + 1];
    v[0] = loanId;
    System.arraycopy(columns, 0, v, 1, columns.length);
    return v;
  }
}
