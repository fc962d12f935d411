package org.openlms.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;

/** Failed attempts are limited per client address, so guessing tokens is impractical. */
class AuthRateLimitIT {

  private static LmsTestServer server;

  @BeforeAll
  static void start() {
    server = LmsTestServer.start(Map.of("lms.api.auth-failures-per-minute", "5"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void afterTheAllowedFailuresTheAddressIsRefusedEvenWithAGoodToken() {
    TenantAccess a = server.newTenant();
    Http http = server.http();
    String path = "/api/public/api/1/odata.svc/TenantDMStats";
    assertThat(http.api("GET", path, a.id(), a.token(), null).status()).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(http.api("GET", path, a.id(), "lms_guess" + i, null).status()).isEqualTo(401);
    }
    Http.Response limited = http.api("GET", path, a.id(), "lms_guess-again", null);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorType()).isEqualTo("TooManyRequestsException");
    assertThat(http.api("GET", path, a.id(), a.token(), null).status()).isEqualTo(429);
    assertThat(http.admin("GET", "/api/admin/tenants", null).status()).isEqualTo(429);
  }
}
