package org.openlms.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openlms.app.seed.LoanSeeder;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Charges posted through the API while tonight's maintenance runs over the same loans (seeded with their state
 * as of yesterday): whichever commits first, the other sees it under the loan's row lock, so every charge is
 * in the loan's state and archive once, and each loan's archive row for today equals a replay from the start.
 */
class DmChargesIT {

  private final LmsTestServer server = LmsTestServer.shared();

  @Test
  void chargesPostedDuringMaintenanceAreNeverLost() throws Exception {
    TenantAccess access = server.newTenant();
    Tenant tenant = server.bean(TenantService.class).tenant(access.id());
    server.bean(LoanSeeder.class).seed(tenant, 60, 11L, (phase, done) -> { });
    LocalDate today = server.bean(TenantService.class).businessDate(tenant);
    JdbcClient db = server.bean(TenantTransactions.class).jdbc(tenant);
    List<Long> loans = db.sql("""
            SELECT id FROM loan WHERE setup_active AND NOT deleted AND NOT archived AND NOT temporary_account
            ORDER BY id LIMIT 30""").query(Long.class).list();
    assertThat(loans).hasSizeGreaterThan(20);

    // The first half is charged before the night starts: their states are at yesterday, so today's charge
    // waits for maintenance to apply it. The second half is charged while the night runs, in whatever order.
    Http http = server.http();
    List<Long> before = loans.subList(0, loans.size() / 2);
    before.forEach(id -> charge(access, id, today));
    MaintenanceService maintenance = server.bean(MaintenanceService.class);
    maintenance.requestRun(access.id(), today);
    CompletableFuture<Void> night = CompletableFuture.runAsync(() -> maintenance.drain(tenant));
    loans.subList(before.size(), loans.size()).forEach(id -> charge(access, id, today));
    night.get();

    assertThat(db.sql("SELECT step || ': ' || error FROM dm_loan_error LIMIT 5").query(String.class).list()).isEmpty();
    for (long id : loans) {
      JsonNode nightly = http.api("GET", "/api/public/api/1/odata.svc/Loans(" + id
          + ")/StatusArchive?$filter=date%20eq%20datetime%27" + today + "%27", access.id(), access.token(), null)
          .body().get("d").get("results").get(0);
      JsonNode replayed = http.api("GET", "/api/public/api/1/Loans(" + id + ")/Autopal.GetStatus(" + today + ")",
          access.id(), access.token(), null).body().get("d");
      assertThat(nightly).as("loan " + id).isEqualTo(replayed);
      // No payment is dated today, so today's charge is still due.
      assertThat(new BigDecimal(nightly.get("dueFees").asString())).as("loan " + id).isGreaterThanOrEqualTo(
          new BigDecimal("7.77"));
    }
    assertThat(db.sql("SELECT count(*) FROM loan_state WHERE as_of = ? AND loan_id = ANY(?)")
        .params(today, loans.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(loans.size());
  }

  /** One charge dated today and one dated yesterday (reached at once by the state: replayed), in one request. */
  private void charge(TenantAccess access, long id, LocalDate today) {
    Http.Response r = server.http().api("PUT", "/api/public/api/1/odata.svc/Loans(" + id + ")", access.id(),
        access.token(), "{\"Charges\":{\"results\":[{\"amount\":7.77,\"date\":\"" + today + "\",\"chargeTypeId\":5},"
            + "{\"amount\":3.00,\"date\":\"" + today.minusDays(1) + "\",\"chargeTypeId\":2}]}}");
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
  }
}
