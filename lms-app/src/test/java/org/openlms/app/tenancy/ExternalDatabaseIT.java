package org.openlms.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;

/** With a database URL the server starts no embedded PostgreSQL and keeps everything on the given server. */
class ExternalDatabaseIT {

  @Test
  void theControlDatabaseAndTenantDatabasesLiveOnTheExternalServer() throws Exception {
    try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
        LmsTestServer server = LmsTestServer.start(Map.of(
            "lms.db.url", "jdbc:postgresql://localhost:" + external.getPort() + "/lms_ext_control",
            "lms.db.user", "postgres"))) {
      assertThat(server.bean(ControlServer.class).embedded()).isFalse();
      assertThat(server.home().resolve("postgres")).doesNotExist();
      TenantAccess t = server.newTenant();
      assertThat(server.http().api("GET", "/api/public/api/1/odata.svc/TenantDMStats", t.id(), t.token(), null)
          .status()).isEqualTo(200);
      try (Connection c = external.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'lms_%' ORDER BY 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("lms_ext_control");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("lms_t" + t.id());
      }
    }
  }
}
