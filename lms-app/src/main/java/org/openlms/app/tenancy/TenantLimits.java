package org.openlms.app.tenancy;

/**
 * What a tenant may use of the shared environment. Max connections caps its pool now; the others are
 * stored and shown, and enforced by the features they limit.
 */
public record TenantLimits(int maxConnections, long maxLoans, int maxRules, int apiRequestsPerMinute) {

  public TenantLimits {
    if (maxConnections < 1 || maxConnections > 500) {
      throw new IllegalArgumentException("maxConnections must be between 1 and 500");
    }
    if (maxLoans < 0 || maxRules < 0 || apiRequestsPerMinute < 0) {
      throw new IllegalArgumentException("maxLoans, maxRules and apiRequestsPerMinute must not be negative");
    }
  }
}
