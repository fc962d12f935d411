package org.openlms.app.tenancy;

import java.time.Instant;

/**
 * A tenant and where its database lives. {@code serverUrl} is null when the database is on the control
 * server; otherwise it names a dedicated server. The password stays encrypted in this value.
 */
public record Tenant(
    long id,
    long companyId,
    TenantKind kind,
    TenantStatus status,
    String statusDetail,
    String serverUrl,
    String databaseName,
    String databaseUser,
    String databasePasswordEncrypted,
    TenantLimits limits,
    String schemaVersion,
    Instant migratedAt,
    Instant createdAt) {

  public boolean onControlServer() {
    return serverUrl == null;
  }
}
