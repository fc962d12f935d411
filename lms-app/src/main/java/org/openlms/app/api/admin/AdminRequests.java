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

  /** {@code portfolioIds}: restrict the token to loans in these portfolios of the tenant (absent: the whole tenant). */
  record CreateToken(String label, java.util.List<Long> portfolioIds) {}

  record RevokeToken(String token) {}
}
