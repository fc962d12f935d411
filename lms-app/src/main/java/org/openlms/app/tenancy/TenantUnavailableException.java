package org.openlms.app.tenancy;

/** A request reached a tenant that is not active (suspended, removed, failed or still provisioning). */
public class TenantUnavailableException extends RuntimeException {

  public TenantUnavailableException(long tenantId, TenantStatus status) {
    super("Tenant " + tenantId + " is " + status.code());
  }
}
