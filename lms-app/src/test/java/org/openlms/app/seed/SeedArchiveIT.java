package org.openlms.app.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Seeding with {@code archiveDays}: each loan gets the archive of its last days, and every row is what the
 * engine says for that loan on that day (the same as {@code Autopal.GetStatus}), as a reverse calculation would
 * have written it.
 */
class SeedArchiveIT {

  private static final int LOANS = 200;
  private static final int DAYS = 55;
  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  @Test
  void eachLoanGetsItsLastDaysOfArchiveAsTheEngineComputesThem() {
    TenantAccess access = server.newTenant();
    Tenant tenant = server.bean(TenantService.class).tenant(access.id());
    server.bean(LoanSeeder.class).seed(tenant, LOANS, 11L, DAYS, (phase, done) -> { });
    LocalDate yesterday = server.bean(TenantService.class).businessDate(tenant).minusDays(1);
    JdbcClient db = server.bean(TenantTransactions.class).jdbc(tenant);

    // Seeded contract dates are at least 30 days back, so a loan younger than DAYS has fewer rows.
    List<Long> perLoan = db.sql("SELECT count(*) FROM loan_status_archive GROUP BY loan_id").query(Long.class).list();
    assertThat(perLoan).hasSize(LOANS).allMatch(n -> n >= 30 && n <= DAYS);
    assertThat(db.sql("SELECT count(DISTINCT loan_id) FROM loan_status_archive WHERE date = ?").param(yesterday)
        .query(Long.class).single()).isEqualTo(LOANS);
    assertThat(db.sql("SELECT max(date) FROM loan_status_archive").query(LocalDate.class).single()).isEqualTo(yesterday);

    List<Long> sample = db.sql("""
            SELECT loan_id FROM loan_status_archive JOIN loan ON loan.id = loan_id AND NOT loan.deleted
            WHERE date = ? ORDER BY days_past_due DESC, loan_id LIMIT 10""").param(yesterday).query(Long.class).list();
    for (long id : sample) {
      JsonNode rows = get("odata.svc/Loans(" + id + ")/StatusArchive?nopaging=true", access).get("results");
      LocalDate first = yesterday.minusDays(rows.size() - 1L);
      for (int k : new int[] {0, rows.size() / 2, rows.size() - 1}) {
        LocalDate day = first.plusDays(k);
        JsonNode status = get("Loans(" + id + ")/Autopal.GetStatus(" + day + ")", access);
        assertThat(rows.get(k)).as("loan %d on %s", id, day).isEqualTo(status);
      }
    }

    // Expanded, the archive pages at 50 with a __next link to the rest, which holds the remaining rows.
    long full = db.sql("SELECT loan_id FROM loan_status_archive GROUP BY loan_id HAVING count(*) = ? LIMIT 1")
        .param(DAYS).query(Long.class).single();
    JsonNode loan = get("odata.svc/Loans(" + full + ")?$expand=StatusArchive", access);
    assertThat(loan.get("StatusArchive").get("results")).hasSize(50);
    String next = loan.get("StatusArchive").get("__next").asString();
    Http.Response rest = http.api("GET", next.substring(http.base().length()), access.id(), access.token(), null);
    assertThat(rest.body().get("d").get("results")).hasSize(DAYS - 50);
    assertThat(rest.body().get("d").get("summary").get("total").asLong()).isEqualTo(DAYS);
  }

  @Test
  void refusesMoreArchiveDaysThanTheSeededHistoriesHave() {
    Tenant tenant = server.bean(TenantService.class).tenant(server.newTenant().id());
    assertThatThrownBy(() -> server.bean(LoanSeeder.class).seed(tenant, 10, 1L, LoanSeeder.MAX_ARCHIVE_DAYS + 1,
        (phase, done) -> { })).isInstanceOf(InvalidInputException.class).hasMessageContaining("archiveDays");
  }

  private JsonNode get(String path, TenantAccess a) {
    Http.Response r = http.api("GET", "/api/public/api/1/" + path, a.id(), a.token(), null);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("d");
  }
}
