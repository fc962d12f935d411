package org.openlms.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;

/** A tenant that uses up its pool gets a clear error, not a hang, and its neighbours are unaffected. */
class PoolExhaustionIT {

  private static final String PATH = "/api/public/api/1/odata.svc/TenantDMStats";
  private static LmsTestServer server;

  @BeforeAll
  static void start() {
    server = LmsTestServer.start(Map.of("lms.tenants.pool-timeout", "500ms"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anExhaustedTenantGetsA503WhileAnotherTenantIsServed() throws Exception {
    TenantAccess busy = server.newTenant(Map.of("maxConnections", 2));
    TenantAccess calm = server.newTenant();
    Http http = server.http();
    DataSource pool = server.bean(TenantDataSources.class).of(server.bean(TenantService.class).tenant(busy.id()));
    List<Connection> held = new ArrayList<>();
    try {
      held.add(pool.getConnection());
      held.add(pool.getConnection());

      long started = System.nanoTime();
      Http.Response refused = http.api("GET", PATH, busy.id(), busy.token(), null);
      long waitedMs = (System.nanoTime() - started) / 1_000_000;
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.errorType()).isEqualTo("TenantBusyException");
      assertThat(refused.errorMessage()).contains("database connections are in use");
      assertThat(waitedMs).as("bounded by the pool timeout, not a hang").isLessThan(10_000);

      for (int i = 0; i < 20; i++) {
        assertThat(http.api("GET", PATH, calm.id(), calm.token(), null).status()).isEqualTo(200);
      }
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
    assertThat(http.api("GET", PATH, busy.id(), busy.token(), null).status()).isEqualTo(200);
  }

  @Test
  void thePoolIsCappedByTheTenantsMaxConnections() throws Exception {
    TenantAccess t = server.newTenant(Map.of("maxConnections", 3));
    var ds = (com.zaxxer.hikari.HikariDataSource) server.bean(TenantDataSources.class)
        .of(server.bean(TenantService.class).tenant(t.id()));
    assertThat(ds.getMaximumPoolSize()).isEqualTo(3);
    server.http().admin("PUT", "/api/admin/tenants/" + t.id(), Map.of("maxConnections", 5));
    var reopened = (com.zaxxer.hikari.HikariDataSource) server.bean(TenantDataSources.class)
        .of(server.bean(TenantService.class).tenant(t.id()));
    assertThat(reopened.getMaximumPoolSize()).isEqualTo(5);
    assertThat(ds.isClosed()).isTrue();
  }
}
