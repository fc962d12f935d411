package org.openlms.app.api.admin;

/** Request bodies of the admin API. Unknown fields are refused (see application.properties). */
final class AdminRequests {

  private AdminRequests() {}

  record CreateCompany(String name, String timeZone) {}

  /** {@code dbUrl} (with user and password) places the tenant's database on a dedicated server. */
  record CreateTenant(Long companyId, String kind, String dbUrl, String dbUser, String dbPassword,
      Integer maxConnections, Long maxLoans, Integer maxRules, Integer apiRequestsPerMinute, String tokenLabel) {}

  record UpdateTenant(String status, Integer maxConnections, Long maxLoans, Integer maxRules,
      Integer apiRequestsPerMinute) {}

  record CreateToken(String label) {}

  record RevokeToken(String token) {}
}
