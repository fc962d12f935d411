package org.openlms.app.automation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

  private AutomationWriter() {}

  public static void store(AutomatedLoan loan, LocalDate date, AutomationEvaluator.Mode mode, RuleAction.Sink sink) {
    long id = loan.id();
    for (AutomatedLoan.Applied a : loan.applied()) {
      for (RuleAction action : a.actions()) {
        action.store(id, date, a.source(), sink);
      }
      sink.write(id, """
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
    List<String> columns = new ArrayList<>(4);
    List<Object> values = new ArrayList<>(5);
    if (after.intValue(Fact.SETTINGS_LOAN_STATUS_ID) != before.intValue(Fact.SETTINGS_LOAN_STATUS_ID)
        || after.intValue(Fact.SETTINGS_LOAN_SUB_STATUS_ID) != before.intValue(Fact.SETTINGS_LOAN_SUB_STATUS_ID)) {
      columns.add("loan_status_id = ?, loan_sub_status_id = ?");
      values.add((int) after.intValue(Fact.SETTINGS_LOAN_STATUS_ID));
      values.add((int) after.intValue(Fact.SETTINGS_LOAN_SUB_STATUS_ID));
    }
    if (after.boolValue(Fact.SETTINGS_AUTOPAY_ENABLED) != before.boolValue(Fact.SETTINGS_AUTOPAY_ENABLED)) {
      columns.add("autopay_enabled = ?");
      values.add(after.boolValue(Fact.SETTINGS_AUTOPAY_ENABLED));
    }
    if (!after.stringValue(Fact.SETTINGS_STOPLIGHT).equals(before.stringValue(Fact.SETTINGS_STOPLIGHT))) {
      columns.add("stoplight = ?");
      values.add(after.stringValue(Fact.SETTINGS_STOPLIGHT));
    }
    if (!columns.isEmpty()) {
      values.add(loanId);
      sink.write(loanId, "UPDATE loan_settings SET " + String.join(", ", columns) + " WHERE loan_id = ?",
          values.toArray());
    }
  }
}
