package org.openlms.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openlms.app.LmsApplication;
import org.openlms.app.maintenance.MaintenanceBenchmark;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantLimits;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.openlms.app.automation.BenchmarkAutomation;
import org.openlms.app.tenancy.TenantDataSources;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code lms bench maintenance --loans N}: seeds a benchmark tenant once (kept in the bench home and reused),
 * then measures one night of daily maintenance beside its floor, and prints the figures and one JSON line.
 * Runs in this process on its own embedded PostgreSQL (or {@code --db-url}), never on a running server's data.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (maintenance, loan API).",
    subcommands = {BenchCommand.Maintenance.class, BenchApiCommand.class})
final class BenchCommand {

  @Command(name = "maintenance", mixinStandardHelpOptions = true,
      description = "Seed N loans if needed, run one night of daily maintenance, print loans/s, peak heap, floor.")
  static final class Maintenance implements Callable<Integer> {

    @Option(names = "--loans", required = true) int loans;

    @Option(names = "--workers", defaultValue = "3", description = "Worker threads (default 3, as a node)") int workers;

    @Option(names = "--home", defaultValue = "data/bench", description = "Bench data directory (default data/bench)")
    String home;

    @Option(names = "--db-url", description = "External PostgreSQL (control database URL) instead of embedded")
    String dbUrl;

    @Option(names = "--db-user") String dbUser;

    @Option(names = "--automation", description = "Also run a second night with the automation engine configured "
        + "(2 recurring charges, 20 rules, 3 stoplight rules, 5 warning flags; installed once and kept, disabled, "
        + "between runs) and print its overhead over the night without")
    boolean automation;

    @Option(names = "--db-password") String dbPassword;

    @Override
    public Integer call() throws Exception {
      List<String> args = new ArrayList<>(List.of("--spring.main.web-application-type=none",
          "--lms.home=" + home, "--lms.db.port=0", "--lms.demo.enabled=false", "--lms.maintenance.enabled=false",
          // the benchmark's own threads are the only workers, so --workers is what is measured
          "--lms.maintenance.workers=0",
          "--logging.level.root=WARN"));
      if (dbUrl != null) {
        args.add("--lms.db.url=" + dbUrl);
        args.add("--lms.db.user=" + (dbUser == null ? "postgres" : dbUser));
        if (dbPassword != null) {
          args.add("--lms.db.password=" + dbPassword);
        }
      }
      try (ConfigurableApplicationContext ctx = LmsApplication.start(args.toArray(String[]::new))) {
        Tenant tenant = BenchTenants.seeded(ctx, home, "bench-" + loans + ".tenant", loans, 0,
            new TenantLimits(10, Math.max(loans, 1_000_000), 200, 6000));
        JdbcClient tenantDb = JdbcClient.create(ctx.getBean(TenantDataSources.class).of(tenant));
        // The night without automation keeps what earlier nights with it set (flags, stoplights, statuses), and its
        // configuration stays installed but disabled, so that both nights compared are steady nights.
        boolean firstWithAutomation = automation && BenchmarkAutomation.installDisabled(tenantDb);
        if (!automation) {
          BenchmarkAutomation.enable(tenantDb, false);
        }
        // A server's autovacuum keeps the statistics of the tables automation fills; this process lives minutes,
        // too short for it, and unanalyzed they are planned as if each loan had hundreds of flags and portfolios.
        tenantDb.sql("ANALYZE loan_portfolio, loan_sub_portfolio, loan_flag").update();
        CpuMeter meter = new CpuMeter(java.nio.file.Path.of(home).resolve("postgres"));
        MaintenanceBenchmark.CpuClock cpu = () -> {
          CpuMeter.Sample s = meter.sample();
          return new long[] {s.javaNanos(), dbUrl == null ? s.postgresNanos() : -1};
        };
        MaintenanceBenchmark.Result r = ctx.getBean(MaintenanceBenchmark.class).run(tenant, workers, cpu);
        double perSecond = r.maintained() / r.seconds();
        System.out.printf(Locale.ROOT, "Daily maintenance %s: %d loans queued, %d maintained, %d failed%n", r.date(),
            r.queued(), r.maintained(), r.failed());
        System.out.printf(Locale.ROOT, "  run    %8.2f s  %,10.0f loans/s  peak heap after GC %d MB (max %d MB)%n", r.seconds(),
            perSecond, r.peakHeapMb(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.printf(Locale.ROOT, "  cpu    %8.2f s  in this JVM, %.2f s in PostgreSQL (-1: not measured), %d workers%n",
            r.javaCpuSeconds(), r.databaseCpuSeconds(), workers);
        System.out.printf(Locale.ROOT, "  floor  %8.2f s  (one UPDATE of the state rows + one INSERT of archive rows)%n",
            r.floorSeconds());
        System.out.printf(Locale.ROOT, "  ratio  %8.2f x the floor%n", r.ratio());
        System.out.printf(Locale.ROOT, "{\"loans\":%d,\"seconds\":%.3f,\"loansPerSecond\":%.0f,\"peakHeapMb\":%d,"
                + "\"floorSeconds\":%.3f,\"ratio\":%.3f,\"javaCpuSeconds\":%.2f,\"postgresCpuSeconds\":%.2f}%n",
            r.maintained(), r.seconds(), perSecond, r.peakHeapMb(), r.floorSeconds(), r.ratio(), r.javaCpuSeconds(),
            r.databaseCpuSeconds());
        if (!automation) {
          return r.failed() == 0 && r.maintained() > 0 ? 0 : 1;
        }
        BenchmarkAutomation.enable(tenantDb, true);
        MaintenanceBenchmark.Result a;
        try {
          a = ctx.getBean(MaintenanceBenchmark.class).run(tenant, workers, cpu);
        } finally {
          BenchmarkAutomation.enable(tenantDb, false);
        }
        double overhead = (a.seconds() - r.seconds()) / r.seconds();
        long applied = tenantDb.sql("SELECT count(*) FROM automation_applied WHERE date = ?").param(a.date())
            .query(Long.class).single();
        System.out.printf(Locale.ROOT, "Daily maintenance %s with automation (%s): %d maintained, %d failed, "
            + "%d rule applications%n", a.date(), firstWithAutomation ? "its first night: most loans change once"
            : "a steady night", a.maintained(), a.failed(), applied);
        System.out.printf(Locale.ROOT, "  run    %8.2f s  %,10.0f loans/s  peak heap %d MB; overhead %+.1f %% over "
            + "the night without%n", a.seconds(), a.maintained() / a.seconds(), a.peakHeapMb(), overhead * 100);
        System.out.printf(Locale.ROOT, "  cpu    %8.2f s  in this JVM, %.2f s in PostgreSQL (without: %.2f s and %.2f s)%n",
            a.javaCpuSeconds(), a.databaseCpuSeconds(), r.javaCpuSeconds(), r.databaseCpuSeconds());
        System.out.printf(Locale.ROOT, "{\"loans\":%d,\"seconds\":%.3f,\"automationSeconds\":%.3f,"
            + "\"automationOverhead\":%.3f,\"firstNight\":%b,\"applied\":%d,\"peakHeapMb\":%d,"
            + "\"javaCpuSeconds\":[%.2f,%.2f],\"postgresCpuSeconds\":[%.2f,%.2f]}%n", a.maintained(), r.seconds(),
            a.seconds(), overhead, firstWithAutomation, applied, Math.max(r.peakHeapMb(), a.peakHeapMb()),
            r.javaCpuSeconds(), a.javaCpuSeconds(), r.databaseCpuSeconds(), a.databaseCpuSeconds());
        return r.failed() == 0 && a.failed() == 0 && a.maintained() > 0 ? 0 : 1;
      }
    }
  }
}
