package org.openlms.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
 * Daily maintenance on the real engine: seeded loans (state as of yesterday, payment histories, some past
 * due) are moved to today by one run, and each one's archive row for today equals what a replay of the whole
 * loan from its contract date says for today. Running the same date again changes nothing.
 */
class DmEngineIT {

  private static final int LOANS = 300;
  private final LmsTestServer server = LmsTestServer.shared();

  @Test
  void oneNightOfMaintenanceEqualsAReplayFromTheStartAndRunsOnce() {
    TenantAccess access = server.newTenant();
    Tenant tenant = server.bean(TenantService.class).tenant(access.id());
    server.bean(LoanSeeder.class).seed(tenant, LOANS, 7L, (phase, done) -> { });
    LocalDate today = server.bean(TenantService.class).businessDate(tenant);
    JdbcClient db = server.bean(TenantTransactions.class).jdbc(tenant);
    long eligible = db.sql("SELECT count(*) FROM loan WHERE NOT deleted AND NOT temporary_account AND NOT archived")
        .query(Long.class).single();

    MaintenanceService maintenance = server.bean(MaintenanceService.class);
    maintenance.requestRun(access.id(), today);
    maintenance.drain(tenant);

    assertThat(db.sql("SELECT step || ': ' || error FROM dm_loan_error LIMIT 5").query(String.class).list()).isEmpty();
    assertThat(db.sql("SELECT count(*) FROM loan_status_archive WHERE date = ?").param(today).query(Long.class).single())
        .isEqualTo(eligible);
    assertThat(db.sql("SELECT count(*) FROM loan_state WHERE as_of = ?").param(today).query(Long.class).single())
        .isEqualTo(eligible);
    long pastDue = db.sql("SELECT count(*) FROM loan_status_archive WHERE date = ? AND days_past_due > 0").param(today)
        .query(Long.class).single();
    assertThat(pastDue).as("about one in ten seeded loans is past due").isBetween(eligible / 40, eligible / 4);

    List<Long> sample = db.sql("""
            SELECT loan_id FROM loan_status_archive WHERE date = ? ORDER BY days_past_due DESC, loan_id LIMIT 25""")
        .param(today).query(Long.class).list();
    for (long id : sample) {
      JsonNode nightly = archiveRow(access, id, today);
      JsonNode replayed = server.http().api("GET", "/api/public/api/1/Loans(" + id + ")/Autopal.GetStatus(" + today + ")",
          access.id(), access.token(), null).body().get("d");
      assertThat(nightly).as("loan " + id).isEqualTo(replayed);
    }

    String before = fingerprint(db);
    maintenance.requestRun(access.id(), today);
    maintenance.drain(tenant);
    assertThat(fingerprint(db)).isEqualTo(before);
  }

  private JsonNode archiveRow(TenantAccess a, long loanId, LocalDate date) {
    Http.Response r = server.http().api("GET", "/api/public/api/1/odata.svc/Loans(" + loanId
        + ")/StatusArchive?$filter=date%20eq%20datetime%27" + date + "%27", a.id(), a.token(), null);
    return r.body().get("d").get("results").get(0);
  }

  private static String fingerprint(JdbcClient db) {
    return db.sql("""
            SELECT (SELECT count(*) FROM loan_status_archive) || '/' || (SELECT sum(unposted_interest) FROM loan_state)
                || '/' || (SELECT sum(due_fees) FROM loan_state) || '/' || (SELECT max(as_of) FROM loan_state)""")
        .query(String.class).single();
  }
}
