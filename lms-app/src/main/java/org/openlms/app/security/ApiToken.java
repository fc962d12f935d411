package org.openlms.app.security;

import java.time.Instant;
import java.util.List;

/**
 * A stored API token: never the secret, only a short prefix to recognise it by. {@code portfolioIds} is null
 * for a token that sees the whole tenant, or the portfolios (restriction groups) its loans must belong to.
 */
public record ApiToken(long id, long tenantId, String prefix, String label, Instant createdAt, Instant revokedAt,
    List<Long> portfolioIds) {

  public ApiToken {
    portfolioIds = portfolioIds == null ? null : List.copyOf(portfolioIds);
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
