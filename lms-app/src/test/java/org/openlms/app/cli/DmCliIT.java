package org.openlms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.CliRun;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.TestLoans;
import org.openlms.app.tenancy.TenantDataSources;
import org.openlms.app.tenancy.TenantService;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./lms maintenance run} and {@code report} against a server whose own background workers do the
 * work (two threads, chunks of 3 loans), followed by polling.
 */
class DmCliIT {

  private static LmsTestServer server;

  @BeforeAll
  static void start() {
    server = LmsTestServer.start(Map.of("lms.maintenance.workers", "2", "lms.maintenance.chunk-size", "3"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void runMaintainsEveryLoanWithAProgressBarAndTheReportShowsTheDay() {
    long tenant = server.newTenant().id();
    JdbcClient sql = JdbcClient.create(server.bean(TenantDataSources.class)
        .of(server.bean(TenantService.class).tenant(tenant)));
    for (int i = 0; i < 10; i++) {
      sql.sql("INSERT INTO loan (display_id, setup_active) VALUES (?, true)").param("CLI-" + i).update();
    }
    LocalDate today = LocalDate.now(ZoneId.of("America/Denver"));
    TestLoans.giveTerms(sql, today.minusDays(40));

    CliRun run = CliRun.lms(server, "maintenance", "run", "--tenant", String.valueOf(tenant));
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode result = run.json();
    assertThat(result.get("state").asString()).isEqualTo("completed");
    assertThat(result.get("date").asString()).isEqualTo(today.toString());
    assertThat(result.get("totalLoans").asLong()).isEqualTo(10);
    assertThat(result.get("maintainedLoans").asLong()).isEqualTo(10);
    assertThat(result.get("chunksDone").asInt()).isEqualTo(4);
    assertThat(run.err()).contains("Daily maintenance " + today);
    assertThat(sql.sql("SELECT count(*) FROM loan WHERE last_maintained_date = ?").param(today)
        .query(Long.class).single()).isEqualTo(10);

    CliRun again = CliRun.lms(server, "maintenance", "run", "--tenant", String.valueOf(tenant), "--date", today.toString());
    assertThat(again.code()).isZero();
    assertThat(again.json().get("id").asLong()).isEqualTo(result.get("id").asLong());

    CliRun report = CliRun.lms(server, "maintenance", "report", "--tenant", String.valueOf(tenant), "--month",
        today.toString().substring(0, 7));
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(report.out()).contains("LMS Daily Maintenance " + today.toString().substring(0, 7) + " (times in America/Denver)")
        .contains("Queued Loans").contains("Maintained").contains("Reverse Calc");
    String row = report.out().lines().filter(l -> l.startsWith(String.format("%3d  ", today.getDayOfMonth())))
        .findFirst().orElseThrow();
    String[] cells = row.trim().split("\\s+");
    assertThat(cells).hasSize(10);
    String time = "\\d\\d:\\d\\d:\\d\\d";
    assertThat(cells[1]).matches(time); // queued
    assertThat(cells[2]).matches(time); // in progress
    assertThat(cells[3]).matches(time); // completed
    assertThat(cells[4]).matches("\\d\\d:\\d\\d:\\d\\d"); // the warning flag step ran
    assertThat(cells[5]).matches("\\d\\d:\\d\\d:\\d\\d"); // the stoplight step ran
    assertThat(cells[6]).matches(time); // reverse calc completed
    assertThat(cells).endsWith("10", "10", "0");
  }

  @Test
  void refusedRunsAndBadMonthsExitNonZero() {
    long tenant = server.newTenant().id();
    String tomorrow = Instant.now().atZone(ZoneId.of("America/Denver")).toLocalDate().plusDays(1).toString();
    CliRun future = CliRun.lms(server, "maintenance", "run", "--tenant", String.valueOf(tenant), "--date", tomorrow);
    assertThat(future.code()).isEqualTo(1);
    assertThat(future.err()).contains("is after the company's current business date");
    CliRun badMonth = CliRun.lms(server, "maintenance", "report", "--tenant", String.valueOf(tenant), "--month", "2026-13");
    assertThat(badMonth.code()).isEqualTo(1);
    assertThat(badMonth.err()).contains("month must be YYYY-MM");
    CliRun noTenant = CliRun.lms(server, "maintenance", "run", "--tenant", "999999999");
    assertThat(noTenant.code()).isEqualTo(1);
    assertThat(noTenant.err()).contains("Tenants");
  }

  @Test
  void aWorkerNodeRefusesToStartWithoutTheSharedDatabase() {
    PrintStream err = System.err;
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      assertThat(LmsCommand.run("worker", "--db-url", "")).isEqualTo(1); // blank, whatever LMS_DB_URL says
    } finally {
      System.setErr(err);
    }
    assertThat(e.toString(StandardCharsets.UTF_8)).contains("needs the shared database");
  }


}
