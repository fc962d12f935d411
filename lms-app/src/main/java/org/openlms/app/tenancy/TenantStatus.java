package org.openlms.app.tenancy;

import java.util.Locale;

/**
 * Provisioning while its database is created; active when it serves requests; failed when its database
 * could not be created or migrated (see the status detail); suspended and removed close its pool.
 */
public enum TenantStatus {
  PROVISIONING, ACTIVE, SUSPENDED, FAILED, REMOVED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TenantStatus fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
