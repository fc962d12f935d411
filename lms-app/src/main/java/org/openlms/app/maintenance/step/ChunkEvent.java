package org.openlms.app.maintenance.step;

import java.util.Map;

/** An outbox event produced while maintaining a chunk; dropped with the loan's writes if that loan fails. */
public record ChunkEvent(Long loanId, String name, Map<String, Object> payload) {
  public ChunkEvent {
    payload = Map.copyOf(payload);
  }
}
