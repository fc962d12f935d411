package org.openlms.app.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily maintenance events, written to {@code outbox_event} in the transaction of the state change they
 * announce. Names are LoanPro's event-based notification names, plus the "started" notification the
 * documentation describes when loans are pushed to the queue.
 */
final class MaintenanceEvents {

  static final String QUEUED = "Daily Maintenance Queued";
  static final String STARTED = "Daily Maintenance Started";
  static final String IN_PROGRESS = "Daily Maintenance In Progress";
  static final String COMPLETED = "Daily Maintenance Completed";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private MaintenanceEvents() {}

  static Map<String, Object> payload(long tenantId, long runId, LocalDate date, String kind, Instant at) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tenantId", tenantId);
    m.put("runId", runId);
    m.put("date", date.toString());
    m.put("kind", kind);
    m.put("at", at.toString());
    return m;
  }

  private static final String INSERT = "INSERT INTO outbox_event (event_name, payload, created) VALUES (?, ?::jsonb, ?)";

  static void write(Tx tx, String name, Map<String, Object> payload, Instant at) {
    tx.sql().sql(INSERT).params(row(name, payload, at)).update();
  }

  /** One outbox row's parameters, for {@link #writeAll}. */
  static Object[] row(String name, Map<String, Object> payload, Instant at) {
    return new Object[] {name, JSON.writeValueAsString(payload), java.sql.Timestamp.from(at)};
  }

  /** Many events in one JDBC batch (a chunk's installment-due and late-fee events, say). */
  static void writeAll(Tx tx, java.util.List<Object[]> rows) {
    if (!rows.isEmpty()) {
      tx.jdbc().batchUpdate(INSERT, rows);
    }
  }
}
