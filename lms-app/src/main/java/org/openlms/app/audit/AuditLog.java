package org.openlms.app.audit;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Writes the audit trail in the caller's transaction, so a change and its audit row commit together. */
@Component
public class AuditLog {

  private final ObjectMapper json;

  AuditLog(ObjectMapper json) {
    this.json = json;
  }

  public void record(JdbcClient db, String actor, String entityType, Long entityId, String action,
      Map<String, ?> detail) {
    db.sql("INSERT INTO audit_log (actor, entity_type, entity_id, action, detail) VALUES (?, ?, ?, ?, ?::jsonb)")
        .params(actor, entityType, entityId, action, json.writeValueAsString(detail))
        .update();
  }
}
