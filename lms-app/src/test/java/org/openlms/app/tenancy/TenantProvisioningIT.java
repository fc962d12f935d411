package org.openlms.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import tools.jackson.databind.JsonNode;

/** Creating a tenant creates its own database, migrates it, and serves it through the API. */
class TenantProvisioningIT {

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  @Test
  void creatingATenantCreatesAndMigratesItsOwnDatabase() throws SQLException {
    TenantAccess t = server.newTenant();
    JsonNode view = http.admin("GET", "/api/admin/tenants/" + t.id(), null).body().get("d");
    assertThat(view.get("status").asString()).isEqualTo("active");
    assertThat(view.get("schemaVersion").asString()).isEqualTo("2");
    assertThat(view.get("kind").asString()).isEqualTo("production");
    assertThat(t.id()).isGreaterThanOrEqualTo(5200001L);
    String dbName = view.get("database").get("name").asString();

    DatabaseServer control = server.bean(ControlServer.class).server();
    try (Connection c = control.connect(dbName); Statement st = c.createStatement()) {
      assertThat(count(st, "SELECT count(*) FROM flyway_schema_history WHERE success")).isEqualTo(2);
      assertThat(count(st, "SELECT count(*) FROM dm_stats_entity")).isZero();
    }
    // Limits are stored and shown even before later issues enforce them.
    assertThat(view.get("limits").get("maxRules").asInt()).isEqualTo(200);
    assertThat(view.get("limits").get("apiRequestsPerMinute").asInt()).isEqualTo(6000);
  }

  @Test
  void tenantDmStatsIsServedFromTheTenantsOwnDatabaseInLoanProsShape() throws SQLException {
    TenantAccess a = server.newTenant();
    TenantAccess b = server.newTenant();
    Tenant tenantA = server.bean(TenantService.class).tenant(a.id());
    try (Connection c = server.bean(TenantDatabases.class).serverOf(tenantA).connect(tenantA.databaseName());
        Statement st = c.createStatement()) {
      st.execute("""
          INSERT INTO dm_stats_entity (id, date, queued, in_progress, completed, total_loans, maintained_loans)
          VALUES (14, '2021-03-19', to_timestamp(1616133984), to_timestamp(1616133988), to_timestamp(1616139970),
                  447, 447)""");
    }
    Http.Response res = http.api("GET", "/api/public/api/1/odata.svc/TenantDMStats", a.id(), a.token(), null);
    assertThat(res.status()).isEqualTo(200);
    JsonNode row = res.body().get("d").get("results").get(0);
    assertThat(row.get("__metadata").get("uri").asString())
        .endsWith("/api/public/api/1/odata.svc/TenantDMStats(id='14',date=datetime'2021-03-19')");
    assertThat(row.get("__metadata").get("type").asString()).isEqualTo("Entity.TenantDMStats");
    assertThat(row.get("id").isString()).isTrue();
    assertThat(row.get("id").asString()).isEqualTo("14");
    assertThat(row.get("date").asString()).isEqualTo("/Date(1616112000)/");
    assertThat(row.get("queued").asString()).isEqualTo("/Date(1616133984)/");
    assertThat(row.get("inProgress").asString()).isEqualTo("/Date(1616133988)/");
    assertThat(row.get("completed").asString()).isEqualTo("/Date(1616139970)/");
    assertThat(row.get("totalLoans").isNumber()).isTrue();
    assertThat(row.get("maintainedLoans").asLong()).isEqualTo(447);
    assertThat(res.body().get("d").get("summary").get("total").asLong()).isEqualTo(1);
    assertThat(res.body().get("d").get("summary").get("pageSize").asInt()).isEqualTo(50);

    // The other tenant's database is a different one: it has no such row.
    Http.Response other = http.api("GET", "/api/public/api/1/odata.svc/TenantDMStats", b.id(), b.token(), null);
    assertThat(other.body().get("d").get("results").size()).isZero();
  }

  @Test
  void suspendingATenantClosesItsPoolAndStopsItsRequestsUntilReactivated() {
    TenantAccess t = server.newTenant();
    String path = "/api/public/api/1/odata.svc/TenantDMStats";
    assertThat(http.api("GET", path, t.id(), t.token(), null).status()).isEqualTo(200);
    assertThat(server.bean(TenantDataSources.class).isOpen(t.id())).isTrue();

    Http.Response suspended = http.admin("PUT", "/api/admin/tenants/" + t.id(), Map.of("status", "suspended"));
    assertThat(suspended.body().get("d").get("status").asString()).isEqualTo("suspended");
    assertThat(server.bean(TenantDataSources.class).isOpen(t.id())).isFalse();
    Http.Response refused = http.api("GET", path, t.id(), t.token(), null);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.errorMessage()).contains("suspended");

    http.admin("PUT", "/api/admin/tenants/" + t.id(), Map.of("status", "active"));
    assertThat(http.api("GET", path, t.id(), t.token(), null).status()).isEqualTo(200);
  }

  @Test
  void removingATenantStopsItsTokensButKeepsItsDatabase() throws SQLException {
    TenantAccess t = server.newTenant();
    Http.Response removed = http.admin("DELETE", "/api/admin/tenants/" + t.id(), null);
    assertThat(removed.body().get("d").get("status").asString()).isEqualTo("removed");
    assertThat(http.api("GET", "/api/public/api/1/odata.svc/TenantDMStats", t.id(), t.token(), null).status())
        .isEqualTo(403);
    Tenant tenant = server.bean(TenantService.class).tenant(t.id());
    try (Connection c = server.bean(ControlServer.class).server().connect(tenant.databaseName())) {
      assertThat(c.isValid(2)).isTrue();
    }
  }

  @Test
  void limitsCanBeChangedAndAreValidated() {
    TenantAccess t = server.newTenant();
    Http.Response ok = http.admin("PUT", "/api/admin/tenants/" + t.id(), Map.of("maxConnections", 3, "maxRules", 7));
    assertThat(ok.body().get("d").get("limits").get("maxConnections").asInt()).isEqualTo(3);
    assertThat(ok.body().get("d").get("limits").get("maxRules").asInt()).isEqualTo(7);
    Http.Response bad = http.admin("PUT", "/api/admin/tenants/" + t.id(), Map.of("maxConnections", 0));
    assertThat(bad.status()).isEqualTo(409);
    assertThat(bad.errorMessage()).contains("maxConnections");
  }

  @Test
  void companyAndTenantInputIsValidated() {
    Http.Response zone = http.admin("POST", "/api/admin/companies", Map.of("name", "X", "timeZone", "Mars/Base"));
    assertThat(zone.status()).isEqualTo(409);
    assertThat(zone.errorMessage()).contains("timeZone");
    Http.Response noCompany = http.admin("POST", "/api/admin/tenants", Map.of("companyId", 999999, "kind", "sandbox"));
    assertThat(noCompany.status()).isEqualTo(409);
    assertThat(noCompany.errorMessage()).contains("Companies");
    long company = http.admin("POST", "/api/admin/companies", Map.of("name", "K", "timeZone", "Europe/Prague"))
        .body().get("d").get("id").asLong();
    Http.Response kind = http.admin("POST", "/api/admin/tenants", Map.of("companyId", company, "kind", "live"));
    assertThat(kind.status()).isEqualTo(409);
    assertThat(kind.errorMessage()).contains("kind must be one of production, sandbox, staging");
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
