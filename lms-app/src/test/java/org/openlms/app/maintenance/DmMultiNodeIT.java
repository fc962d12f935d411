package org.openlms.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.TestLoans;

/**
 * Two real {@code lms worker} processes share a run on one external PostgreSQL; the one holding the first
 * chunk is killed with SIGKILL in the middle of its transaction. The other reclaims the expired lease and
 * the run completes with every eligible loan maintained exactly once.
 */
class DmMultiNodeIT {

  private static final int LOANS = 60_000;

  @Test
  void aNodeKilledMidChunkLosesNothingAndDoublesNothing() throws Exception {
    Path jar = Path.of("target", "lms.jar").toAbsolutePath();
    assertThat(jar).as("the packaged jar (failsafe runs after package)").exists();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        LmsTestServer admin = LmsTestServer.start(Map.of(
            "lms.db.url", "jdbc:postgresql://localhost:" + pg.getPort() + "/lms_dm_control",
            "lms.db.user", "postgres"))) {
      DmFixture f = DmFixture.on(admin, admin.newTenant().id());
      f.sql.sql("INSERT INTO loan (display_id, setup_active) SELECT 'MN-' || g, true FROM generate_series(1, ?) g")
          .param(LOANS).update();
      TestLoans.giveTerms(f.sql, f.contract());
      TestLoans.giveState(f.sql, f.contract(), f.today().minusDays(1));
      long firstLoan = f.sql.sql("SELECT min(id) FROM loan").query(Long.class).single();
      LocalDate date = f.today();

      // Hold the first loan as a concurrent writer would: whoever claims chunk 0 blocks inside its transaction.
      try (Connection holder = f.db.getConnection()) {
        holder.setAutoCommit(false);
        holder.createStatement().execute("SELECT 1 FROM loan WHERE id = " + firstLoan + " FOR UPDATE");
        List<Process> nodes = new ArrayList<>();
        try {
          for (int i = 0; i < 2; i++) {
            nodes.add(worker(jar, pg.getPort(), Files.createTempDirectory("lms-node-")));
          }
          long runId = f.queue(date).id();
          waitFor(() -> owner(f, runId) != null, 180, "a node claims chunk 0");
          String owner = owner(f, runId);
          Process victim = nodes.stream().filter(p -> owner.startsWith(p.pid() + "@")).findFirst().orElseThrow();
          waitFor(() -> doneChunks(f, runId) >= 3, 60, "other chunks get done meanwhile");
          victim.destroyForcibly(); // SIGKILL: no shutdown hook, the transaction dies with the connection
          victim.waitFor(30, TimeUnit.SECONDS);
          holder.commit();

          waitFor(() -> f.run(date).state().finished(), 120, "the run completes");
          Map<String, Object> chunk0 = f.sql.sql("SELECT attempts, lease_owner, state FROM dm_chunk WHERE run_id = ? AND seq = 0")
              .param(runId).query().singleRow();
          assertThat(chunk0.get("state")).isEqualTo("done");
          assertThat((Integer) chunk0.get("attempts")).isGreaterThanOrEqualTo(2);
          assertThat((String) chunk0.get("lease_owner")).isNotEqualTo(owner);
        } finally {
          nodes.forEach(Process::destroyForcibly);
        }
      }
      DmRun run = f.run(date);
      assertThat(run.state()).isEqualTo(RunState.COMPLETED);
      assertThat(run.totalLoans()).isEqualTo(LOANS);
      // Exactly once: the committed chunks counted every loan once, and every loan carries the date.
      assertThat(f.sql.sql("SELECT sum(maintained_count) FROM dm_chunk WHERE run_id = ?").param(run.id())
          .query(Long.class).single()).isEqualTo(LOANS);
      assertThat(f.sql.sql("SELECT count(*) FROM loan WHERE last_maintained_date = ?").param(date)
          .query(Long.class).single()).isEqualTo(LOANS);
      DmStats s = f.sql.sql("SELECT * FROM dm_stats_entity WHERE date = ?").param(date).query(DmStatsRepository::map).single();
      assertThat(s.maintainedLoans()).isEqualTo(LOANS);
      assertThat(s.failedLoans()).isZero();
      assertThat(f.events()).containsOnlyOnce(MaintenanceEvents.COMPLETED);
      // ...and each loan's accrual and fees are exactly those of a run that had no crash: the engine's replay.
      var expected = TestLoans.expected(f.contract(), date);
      assertThat(expected.dueFees()).isPositive();
      assertThat(f.sql.sql("""
              SELECT count(*) FROM loan_state WHERE as_of = ? AND principal_balance = ? AND unposted_interest = ?
                AND due_interest = ? AND due_principal = ? AND due_fees = ? AND interest_not_due = ?""")
          .params(date, expected.principalBalance(), expected.unpostedInterest(), expected.dueInterest(),
              expected.duePrincipal(), expected.dueFees(), expected.interestNotDue())
          .query(Long.class).single()).isEqualTo(LOANS);
      assertThat(f.sql.sql("SELECT count(*) FROM loan_status_archive WHERE date = ?").param(date)
          .query(Long.class).single()).isEqualTo(LOANS);
    }
  }

  private static Process worker(Path jar, int pgPort, Path home) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    File log = home.resolve("worker.log").toFile();
    return new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "worker",
        "--db-url", "jdbc:postgresql://localhost:" + pgPort + "/lms_dm_control", "--db-user", "postgres",
        "--home", home.toString(), "--lms.maintenance.workers=2", "--lms.maintenance.chunk-size=1000",
        "--lms.maintenance.lease=3s", "--lms.maintenance.discovery=500ms", "--lms.maintenance.enabled=false")
        .redirectErrorStream(true).redirectOutput(log).start();
  }

  private static String owner(DmFixture f, long runId) {
    return f.sql.sql("SELECT lease_owner FROM dm_chunk WHERE run_id = ? AND seq = 0 AND state = 'claimed'")
        .param(runId).query(String.class).optional().orElse(null);
  }

  private static long doneChunks(DmFixture f, long runId) {
    return f.sql.sql("SELECT count(*) FROM dm_chunk WHERE run_id = ? AND state = 'done'").param(runId)
        .query(Long.class).single();
  }

  private static void waitFor(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }
}
