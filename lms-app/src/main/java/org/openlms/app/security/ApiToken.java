package org.openlms.app.security;

import java.time.Instant;

/** A stored API token: never the secret, only a short prefix to recognise it by. */
public record ApiToken(long id, long tenantId, String prefix, String label, Instant createdAt, Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
