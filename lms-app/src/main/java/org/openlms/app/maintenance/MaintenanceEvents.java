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

  static void write(Tx tx, String name, Map<String, Object> payload, Instant at) {
    tx.sql().sql("INSERT INTO outbox_event (event_name, payload, created) VALUES (?, ?::jsonb, ?)")
        .params(name, JSON.writeValueAsString(payload), java.sql.Timestamp.from(at)).update();
  }
}
