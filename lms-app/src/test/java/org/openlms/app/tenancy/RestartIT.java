package org.openlms.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import tools.jackson.databind.JsonNode;

/** The data directory survives restarts; every tenant is migrated at startup and one failure stays local. */
class RestartIT {

  private static final String PATH = "/api/public/api/1/odata.svc/TenantDMStats";

  @Test
  void aRestartOnTheSameDataDirectoryKeepsTenantsTokensAndData(@TempDir Path home) throws SQLException {
    try (LmsTestServer server = LmsTestServer.startIn(home, Map.of())) {
      TenantAccess t = server.newTenant();
      insertStats(server, t.id());
      server.restart();
      Http.Response after = server.http().api("GET", PATH, t.id(), t.token(), null);
      assertThat(after.status()).isEqualTo(200);
      assertThat(after.body().get("d").get("results").get(0).get("maintainedLoans").asLong()).isEqualTo(7);
      assertThat(server.http().admin("GET", "/api/admin/tenants", null).body().get("d").get("results").size())
          .isEqualTo(1);
    }
    assertThat(home.resolve("postgres").resolve("PG_VERSION")).exists();
  }

  @Test
  void oneTenantFailingItsMigrationIsMarkedAndTheOthersServe(@TempDir Path home) throws SQLException {
    try (LmsTestServer server = LmsTestServer.startIn(home, Map.of())) {
      TenantAccess good = server.newTenant();
      TenantAccess bad = server.newTenant();
      // Simulate a tenant database that no longer matches its migrations (e.g. edited by hand).
      try (Connection c = connect(server, bad.id()); Statement st = c.createStatement()) {
        st.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
      }
      server.restart();

      JsonNode badView = server.http().admin("GET", "/api/admin/tenants/" + bad.id(), null).body().get("d");
      assertThat(badView.get("status").asString()).isEqualTo("failed");
      assertThat(badView.get("statusDetail").asString()).startsWith("Migration failed");
      assertThat(server.http().admin("GET", "/api/admin/tenants/" + good.id(), null).body().get("d")
          .get("status").asString()).isEqualTo("active");
      assertThat(server.http().api("GET", PATH, good.id(), good.token(), null).status()).isEqualTo(200);
      assertThat(server.http().api("GET", PATH, bad.id(), bad.token(), null).status()).isEqualTo(403);
    }
  }

  @Test
  void theFirstStartCreatesTheDemoOnceAndAnAdminTokenFileOnlyItsOwnerCanRead(@TempDir Path home) throws Exception {
    Map<String, String> settings = Map.of("lms.demo.enabled", "true", "lms.admin.token", "");
    try (LmsTestServer server = LmsTestServer.startIn(home, settings)) {
      Path tokenFile = home.resolve("admin.token");
      assertThat(tokenFile).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
      String admin = Files.readString(tokenFile).strip();
      Http.Response tenants = server.http().send("GET", "/api/admin/tenants", null, Map.of("Authorization", "Bearer " + admin));
      assertThat(tenants.status()).isEqualTo(200);
      JsonNode rows = tenants.body().get("d").get("results");
      assertThat(rows.size()).isEqualTo(2);
      assertThat(rows.get(0).get("kind").asString()).isEqualTo("production");
      assertThat(rows.get(1).get("kind").asString()).isEqualTo("sandbox");
      demoLoansCanBeQueriedAtOnce(server, admin, rows.get(0).get("id").asLong());

      server.restart();
      assertThat(Files.readString(tokenFile).strip()).isEqualTo(admin);
      Http.Response again = server.http().send("GET", "/api/admin/companies", null, Map.of("Authorization", "Bearer " + admin));
      assertThat(again.body().get("d").get("results").size()).isEqualTo(1);
    }
  }

  /** The demo's production tenant has seeded loans whose latest figures search and the archive answer. */
  private static void demoLoansCanBeQueriedAtOnce(LmsTestServer server, String admin, long tenant) {
    Http http = server.http();
    String token = http.send("POST", "/api/admin/tenants/" + tenant + "/tokens", "{\"label\":\"test\"}",
        Map.of("Authorization", "Bearer " + admin)).body().get("d").get("token").asString();
    Map<String, String> auth = Map.of("Authorization", "Bearer " + token, "Autopal-Instance-Id", String.valueOf(tenant));
    long live = http.send("GET", "/api/public/api/1/odata.svc/Loans?$top=1", null, auth).body().get("d")
        .get("summary").get("total").asLong();
    assertThat(live).isBetween(1_900L, 2_000L);
    JsonNode pastDue = http.send("POST", "/api/public/api/1/Loans/Autopal.Search()",
        "{\"query\":{\"range\":{\"daysPastDue\":{\"gt\":0}}},\"aggs\":{\"p\":{\"sum\":{\"field\":\"payoff\"}}}}",
        auth).body().get("d").get("summary");
    assertThat(pastDue.get("total").asLong()).as("about 10 %% of %d loans past due", live)
        .isBetween(live / 20, live / 5);
    assertThat(pastDue.get("aggregations").get("p").get("value").decimalValue()).isPositive();
    long first = http.send("GET", "/api/public/api/1/odata.svc/Loans?$top=1&$filter=archived%20eq%200", null, auth)
        .body().get("d").get("results").get(0).get("id").asLong();
    JsonNode archive = http.send("GET", "/api/public/api/1/odata.svc/Loans(" + first + ")?$expand=StatusArchive",
        null, auth).body().get("d").get("StatusArchive").get("results");
    assertThat(archive.size()).isBetween(1, 30);
  }

  private static void insertStats(LmsTestServer server, long tenantId) throws SQLException {
    try (Connection c = connect(server, tenantId); Statement st = c.createStatement()) {
      st.execute("INSERT INTO dm_stats_entity (date, total_loans, maintained_loans) VALUES ('2026-01-02', 7, 7)");
    }
  }

  private static Connection connect(LmsTestServer server, long tenantId) throws SQLException {
    Tenant t = server.bean(TenantService.class).tenant(tenantId);
    return server.bean(TenantDatabases.class).serverOf(t).connect(t.databaseName());
  }
}
