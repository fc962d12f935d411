package org.openlms.app.automation;

import java.time.LocalDate;
import tools.jackson.databind.json.JsonMapper;

/** Stores what the automation engine did to one loan: its changes, one log row per rule applied, its failures. */
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
    for (AutomatedLoan.Failure f : loan.failures()) {
      sink.write(id, """
          INSERT INTO automation_error (loan_id, source, source_id, date, mode, message) VALUES (?, ?, ?, ?, ?, ?)""",
          id, f.source(), f.sourceId(), date, mode.code, f.message());
    }
  }
}
