package org.openlms.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;

/** A tenant's API requests per minute are limited; its neighbours are not affected. */
class TenantRateLimitIT {

  private static final String PATH = "/api/public/api/1/odata.svc/TenantDMStats";
  private final LmsTestServer server = LmsTestServer.shared();

  @Test
  void aTenantOverItsLimitGets429WhileAnotherIsServed() {
    TenantAccess limited = server.newTenant(Map.of("apiRequestsPerMinute", 5));
    TenantAccess other = server.newTenant();
    Http http = server.http();
    for (int i = 0; i < 5; i++) {
      assertThat(http.api("GET", PATH, limited.id(), limited.token(), null).status()).isEqualTo(200);
    }
    Http.Response refused = http.api("GET", PATH, limited.id(), limited.token(), null);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.errorMessage()).contains("limit of 5 API requests per minute");
    assertThat(http.api("GET", PATH, other.id(), other.token(), null).status()).isEqualTo(200);

    // Raising the limit takes effect at once.
    http.admin("PUT", "/api/admin/tenants/" + limited.id(), Map.of("apiRequestsPerMinute", 100));
    assertThat(http.api("GET", PATH, limited.id(), limited.token(), null).status()).isEqualTo(200);
  }
}
