package org.openlms.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A tenant placed on another PostgreSQL server (the dedicated-hardware option), with two real servers. */
class DedicatedServerIT {

  private static final String PASSWORD = "dedicated-s3cret";
  private static EmbeddedPostgres dedicated;
  private static final LmsTestServer server = LmsTestServer.shared();

  @BeforeAll
  static void startSecondServer() throws Exception {
    dedicated = EmbeddedPostgres.builder().start();
    try (Connection c = dedicated.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE ROLE lms_owner LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
    }
  }

  @AfterAll
  static void stopSecondServer() throws Exception {
    dedicated.close();
  }

  @Test
  void aTenantsDatabaseCanLiveOnADedicatedServer() throws SQLException {
    String url = "jdbc:postgresql://localhost:" + dedicated.getPort() + "/postgres";
    TenantAccess t = server.newTenant(Map.of("dbUrl", url, "dbUser", "lms_owner", "dbPassword", PASSWORD));
    Http.Response view = server.http().admin("GET", "/api/admin/tenants/" + t.id(), null);
    JsonNode db = view.body().get("d").get("database");
    assertThat(db.get("dedicatedServer").asBoolean()).isTrue();
    assertThat(db.get("serverUrl").asString()).isEqualTo(url);
    assertThat(view.raw()).doesNotContain(PASSWORD);
    String name = db.get("name").asString();

    assertThat(databaseExists(dedicated.getPostgresDatabase().getConnection(), name)).isTrue();
    assertThat(databaseExists(server.bean(ControlServer.class).server().connect("postgres"), name)).isFalse();
    try (Connection c = dedicated.getDatabase("postgres", name).getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'dm_stats_entity'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("lms_owner");
    }

    // The API serves it from there, and the control database holds the password only encrypted.
    Http.Response stats = server.http().api("GET", "/api/public/api/1/odata.svc/TenantDMStats", t.id(), t.token(), null);
    assertThat(stats.status()).isEqualTo(200);
    String stored = server.bean(JdbcClient.class).sql("SELECT db_password_encrypted FROM tenant WHERE id = ?")
        .param(t.id()).query(String.class).single();
    assertThat(stored).isNotBlank().doesNotContain(PASSWORD);
  }

  @Test
  void anUnreachableServerIsRefusedClearlyAndNoTenantIsLeftBehind() {
    long before = server.bean(JdbcClient.class).sql("SELECT count(*) FROM tenant").query(Long.class).single();
    Http.Response company = server.http().admin("POST", "/api/admin/companies", Map.of("name", "Z", "timeZone", "UTC"));
    Http.Response r = server.http().admin("POST", "/api/admin/tenants", Map.of(
        "companyId", company.body().get("d").get("id").asLong(), "kind", "production",
        "dbUrl", "jdbc:postgresql://localhost:1/postgres", "dbUser", "x", "dbPassword", "y"));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorMessage()).startsWith("Cannot connect to the database server jdbc:postgresql://localhost:1/postgres");
    assertThat(r.raw()).doesNotContain("\"y\"");
    assertThat(server.bean(JdbcClient.class).sql("SELECT count(*) FROM tenant").query(Long.class).single())
        .isEqualTo(before);
    Http.Response notJdbc = server.http().admin("POST", "/api/admin/tenants", Map.of(
        "companyId", company.body().get("d").get("id").asLong(), "kind", "production", "dbUrl", "mysql://x"));
    assertThat(notJdbc.status()).isEqualTo(409);
    assertThat(notJdbc.errorMessage()).contains("dbUrl");
  }

  private static boolean databaseExists(Connection c, String name) throws SQLException {
    try (c; PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
