package org.openlms.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.springframework.web.bind.annotation.RequestMethod;

/** Every way a request can fail authentication gets the same 401 envelope and reveals nothing. */
class AuthIT {

  private static final String DM_STATS = "/api/public/api/1/odata.svc/TenantDMStats";
  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  @Test
  void aValidTokenWithItsTenantIsServed() {
    TenantAccess a = server.newTenant();
    assertThat(http.api("GET", DM_STATS, a.id(), a.token(), null).status()).isEqualTo(200);
  }

  @Test
  void headerNamesAreCaseInsensitiveAndTheBearerPrefixIsOptional() {
    TenantAccess a = server.newTenant();
    Http.Response lower = http.send("GET", DM_STATS, null,
        Map.of("authorization", "bearer " + a.token(), "autopal-instance-id", String.valueOf(a.id())));
    assertThat(lower.status()).isEqualTo(200);
    Http.Response bare = http.send("GET", DM_STATS, null,
        Map.of("Authorization", a.token(), "Autopal-Instance-ID", String.valueOf(a.id())));
    assertThat(bare.status()).isEqualTo(200);
  }

  @Test
  void missingWrongRevokedAndCrossTenantCredentialsAllGetTheSame401() {
    TenantAccess a = server.newTenant();
    TenantAccess b = server.newTenant();
    String revoked = http.admin("POST", "/api/admin/tenants/" + a.id() + "/tokens", Map.of("label", "old"))
        .body().get("d").get("token").asString();
    http.admin("POST", "/api/admin/tokens/revoke", Map.of("token", revoked));

    List<Http.Response> refused = List.of(
        http.send("GET", DM_STATS, null, Map.of()),
        http.send("GET", DM_STATS, null, Map.of("Authorization", "Bearer " + a.token())),
        http.send("GET", DM_STATS, null, Map.of("Autopal-Instance-Id", String.valueOf(a.id()))),
        http.api("GET", DM_STATS, a.id(), "lms_wrong", null),
        http.api("GET", DM_STATS, a.id(), revoked, null),
        http.api("GET", DM_STATS, b.id(), a.token(), null),
        http.api("GET", DM_STATS, 9_999_999L, a.token(), null),
        http.send("GET", DM_STATS, null, Map.of("Authorization", "Bearer " + a.token(), "Autopal-Instance-Id", "5200001 OR 1=1")));
    for (Http.Response r : refused) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.errorType()).isEqualTo("UnauthorizedException");
      assertThat(r.errorMessage()).isEqualTo("We couldn't validate your API key, tenant ID, or both");
    }
  }

  @Test
  void revokingByIdTakesEffectImmediately() {
    TenantAccess a = server.newTenant();
    assertThat(http.api("GET", DM_STATS, a.id(), a.token(), null).status()).isEqualTo(200);
    long tokenId = http.admin("GET", "/api/admin/tenants/" + a.id() + "/tokens", null)
        .body().get("d").get("results").get(0).get("id").asLong();
    Http.Response revoked = http.admin("DELETE", "/api/admin/tokens/" + tokenId, null);
    assertThat(revoked.body().get("d").get("revoked").isNull()).isFalse();
    assertThat(http.api("GET", DM_STATS, a.id(), a.token(), null).status()).isEqualTo(401);
  }

  @Test
  void tokensAreStoredOnlyAsHashesAndListedWithoutSecrets() {
    TenantAccess a = server.newTenant();
    Http.Response list = http.admin("GET", "/api/admin/tenants/" + a.id() + "/tokens", null);
    assertThat(list.raw()).doesNotContain(a.token());
    assertThat(a.token()).startsWith("lms_").hasSize(4 + 43); // 256 bits, base64url
    long stored = server.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
        .sql("SELECT count(*) FROM api_token WHERE token_hash = ? AND tenant_id = ?")
        .params(ApiTokenService.hash(a.token()), a.id()).query(Long.class).single();
    assertThat(stored).isEqualTo(1);
    long clear = server.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
        .sql("SELECT count(*) FROM api_token WHERE prefix = ? OR label = ?")
        .params(a.token(), a.token()).query(Long.class).single();
    assertThat(clear).isZero();
  }

  /** Walks every mapped public endpoint, so endpoints added later are covered without touching this test. */
  @Test
  void everyPublicEndpointRefusesATokenOfAnotherTenant() {
    TenantAccess a = server.newTenant();
    TenantAccess b = server.newTenant();
    Map<String, Set<RequestMethod>> endpoints = server.publicEndpoints();
    assertThat(endpoints).isNotEmpty();
    endpoints.forEach((pattern, methods) -> {
      String path = pattern.replaceAll("\\{[^}]+}", "1");
      for (RequestMethod m : methods) {
        Http.Response r = http.api(m.name(), path, b.id(), a.token(), m == RequestMethod.GET ? null : "{}");
        assertThat(r.status()).as(m + " " + path).isEqualTo(401);
        assertThat(r.raw()).as(m + " " + path).doesNotContain("results");
      }
    });
  }

  @Test
  void theAdminApiNeedsTheAdminToken() {
    assertThat(http.send("GET", "/api/admin/tenants", null, Map.of()).status()).isEqualTo(401);
    TenantAccess a = server.newTenant();
    Http.Response tenantToken = http.send("GET", "/api/admin/tenants", null, Map.of("Authorization", "Bearer " + a.token()));
    assertThat(tenantToken.status()).isEqualTo(401);
    assertThat(tenantToken.raw()).doesNotContain(String.valueOf(a.id()));
  }
}
