package org.openlms.app.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.openlms.app.LmsApplication;
import org.openlms.app.security.ApiTokenService;
import org.openlms.app.security.IssuedToken;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantLimits;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code lms bench api --loans N}: the loan API under {@code wrk}. Starts this build's server in this process on
 * its own embedded PostgreSQL (data kept in the bench home), seeds a tenant once with N loans and each loan's
 * archive of its last days, lifts that tenant's API rate limit, then measures
 * {@code GET Loans(id)?$expand=LoanSetup,LoanSettings,StatusArchive} over random live loans with several
 * connections (requests/s and p99, median of several runs), and the latency of {@code $filter}s on indexed
 * fields with {@code $top=50}, one connection, one request after another (p50 and p99).
 */
@Command(name = "api", mixinStandardHelpOptions = true,
    description = "Seed N loans if needed, then measure the loan API with wrk (installed with apt-get if missing).")
final class BenchApiCommand implements Callable<Integer> {

  static final double TARGET_RPS = 2000;
  static final double TARGET_P99_MS = 50;
  static final double TARGET_FILTER_MS = 20;

  @Option(names = "--loans", required = true) int loans;

  @Option(names = "--archive-days", defaultValue = "60",
      description = "Archive days seeded per loan (default 60, so an expanded StatusArchive pages with __next)")
  int archiveDays;

  @Option(names = "--home", defaultValue = "data/bench-api", description = "Bench data directory (default data/bench-api)")
  String home;

  @Option(names = "--threads", defaultValue = "2", description = "wrk threads (default 2)") int threads;

  @Option(names = "--connections", defaultValue = "16", description = "wrk connections (default 16)") int connections;

  @Option(names = "--duration", defaultValue = "30", description = "Seconds of each measured run (default 30)")
  int duration;

  @Option(names = "--runs", defaultValue = "3", description = "Measured runs of the loan read (default 3)") int runs;

  @Option(names = "--warmup", defaultValue = "30", description = "Seconds of warm-up first, not counted (default 30)")
  int warmup;

  @Option(names = "--pool", defaultValue = "0",
      description = "The tenant's connection pool size for this run (default: the server's default, 10)")
  int pool;

  @Option(names = "--filter-duration", defaultValue = "15",
      description = "Seconds of each one-connection $filter run (default 15)")
  int filterDuration;

  @Override
  public Integer call() throws Exception {
    Wrk wrk = Wrk.installed();
    // Nightly maintenance off (scheduler and workers), so nothing but the measured requests runs.
    List<String> args = List.of("--server.port=0", "--lms.home=" + home, "--lms.db.port=0",
        "--lms.demo.enabled=false", "--lms.maintenance.enabled=false", "--lms.maintenance.workers=0",
        "--logging.level.root=WARN");
    Files.createDirectories(Path.of(home));
    try (ConfigurableApplicationContext ctx = LmsApplication.start(args.toArray(String[]::new))) {
      TenantService tenants = ctx.getBean(TenantService.class);
      TenantLimits defaults = tenants.defaultLimits();
      // Unlimited API requests (0): the benchmark must measure the server, not the tenant's rate limit.
      TenantLimits limits = new TenantLimits(defaults.maxConnections(), Math.max(loans, defaults.maxLoans()),
          defaults.maxRules(), 0);
      Tenant tenant = BenchTenants.seeded(ctx, home, "bench-api-" + loans + "-" + archiveDays + ".tenant", loans,
          archiveDays, limits);
      tenant = tenants.updateLimits(tenant.id(), new TenantLimits(pool > 0 ? pool : defaults.maxConnections(),
          tenant.limits().maxLoans(), tenant.limits().maxRules(), 0));
      vacuumOnce(ctx, tenant);
      IssuedToken token = ctx.getBean(ApiTokenService.class).issue(tenant.id(), "bench api");
      try {
        return measure(ctx, wrk, tenant, token.secret());
      } finally {
        ctx.getBean(ApiTokenService.class).revoke(token.token().id());
      }
    }
  }

  private int measure(ConfigurableApplicationContext ctx, Wrk wrk, Tenant tenant, String secret) throws Exception {
    int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    String url = "http://127.0.0.1:" + port;
    Path ids = liveIds(ctx, tenant);
    Path script = Path.of(home).resolve("loan-api.lua");
    try (InputStream in = BenchApiCommand.class.getResourceAsStream("/bench/loan-api.lua")) {
      Files.write(script, in.readAllBytes());
    }
    LocalDate to = ctx.getBean(TenantService.class).businessDate(tenant).minusDays(1);
    List<String> scriptArgs = List.of(ids.toString(), secret, String.valueOf(tenant.id()), to.minusDays(13).toString(),
        to.toString());
    long liveLoans = Files.lines(ids).count();
    System.out.printf(Locale.ROOT, "Tenant %d: %,d loans (%,d live), %d archive days each; API rate limit off; "
        + "%d connections to it; %d cores, load average %s; JVM: %s, max heap %,d MB%n", tenant.id(), loans, liveLoans,
        archiveDays, tenant.limits().maxConnections(), Runtime.getRuntime().availableProcessors(), loadAverage(),
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(java.lang.management.GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")),
        Runtime.getRuntime().maxMemory() >> 20);

    System.out.printf("Warm-up: %d s of the loan read, not counted%n", warmup);
    wrk.run(url, script, "loan", scriptArgs, threads, connections, warmup);

    List<Wrk.Result> reads = new ArrayList<>();
    List<Map<String, Object>> cpu = new ArrayList<>();
    CpuMeter meter = new CpuMeter(Path.of(home).resolve("postgres"));
    for (int i = 1; i <= runs; i++) {
      CpuMeter.Sample before = meter.sample();
      Wrk.Result r = wrk.run(url, script, "loan", scriptArgs, threads, connections, duration);
      CpuMeter.Sample used = meter.sample().minus(before);
      reads.add(r);
      double javaUs = used.javaNanos() / 1000.0 / r.requests();
      double postgresUs = used.postgresNanos() < 0 ? Double.NaN : used.postgresNanos() / 1000.0 / r.requests();
      cpu.add(Map.of("javaUs", Math.round(javaUs), "postgresUs", Math.round(postgresUs)));
      System.out.printf(Locale.ROOT, "Run %d: GET Loans(id)?$expand=LoanSetup,LoanSettings,StatusArchive  "
              + "%,.0f requests/s  p50 %.2f ms  p99 %.2f ms  (%d threads, %d connections, %d s; %d errors; load %s)%n"
              + "       CPU per request: server JVM %.0f us, PostgreSQL %.0f us%n",
          i, r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), threads, connections, duration, r.errors(), loadAverage(),
          javaUs, postgresUs);
    }
    double rps = median(reads.stream().map(Wrk.Result::requestsPerSecond).toList());
    double p99 = median(reads.stream().map(Wrk.Result::p99Ms).toList());

    Map<String, Wrk.Result> filters = new LinkedHashMap<>();
    for (String mode : List.of("displayId", "archive", "payments")) {
      Wrk.Result r = wrk.run(url, script, mode, scriptArgs, 1, 1, filterDuration);
      filters.put(mode, r);
      System.out.printf(Locale.ROOT, "$filter %-9s  p50 %.2f ms  p99 %.2f ms  (%,.0f sequential requests/s, %d errors)%n",
          mode, r.p50Ms(), r.p99Ms(), r.requestsPerSecond(), r.errors());
    }
    boolean errors = reads.stream().anyMatch(r -> r.errors() > 0) || filters.values().stream().anyMatch(r -> r.errors() > 0);
    boolean readMet = rps >= TARGET_RPS && p99 <= TARGET_P99_MS;
    boolean filterMet = filters.values().stream().allMatch(r -> r.p99Ms() < TARGET_FILTER_MS);
    System.out.printf(Locale.ROOT, "Loan read: median %,.0f requests/s, median p99 %.2f ms (target >= %,.0f/s and "
        + "p99 <= %.0f ms): %s%n", rps, p99, TARGET_RPS, TARGET_P99_MS, readMet ? "met" : "NOT met");
    System.out.printf(Locale.ROOT, "$filter with $top=50: every p99 under %.0f ms: %s%n", TARGET_FILTER_MS,
        filterMet ? "met" : "NOT met");

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("loans", loans);
    out.put("archiveDays", archiveDays);
    out.put("requestsPerSecond", Math.round(rps));
    out.put("p99Ms", p99);
    out.put("runs", reads.stream().map(Wrk.Result::json).toList());
    out.put("cpuPerRequest", cpu);
    out.put("filters", filters.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue().json(), (a, b) -> a, LinkedHashMap::new)));
    out.put("targetsMet", readMet && filterMet);
    System.out.println(JsonMapper.builder().build().writeValueAsString(out));
    return errors ? 1 : 0;
  }

  /**
   * VACUUM (ANALYZE) of a freshly seeded tenant, once (a marker file remembers it): otherwise autovacuum works
   * through the millions of new archive rows while the first runs measure, and each restart of the embedded
   * PostgreSQL starts that over.
   */
  private void vacuumOnce(ConfigurableApplicationContext ctx, Tenant tenant) throws Exception {
    Path marker = Path.of(home).resolve("bench-api-" + loans + "-" + archiveDays + ".vacuumed");
    if (!Files.exists(marker)) {
      System.out.println("VACUUM (ANALYZE) of the seeded tenant (once)...");
      ctx.getBean(TenantTransactions.class).jdbc(tenant).sql("VACUUM (ANALYZE)").update();
      Files.writeString(marker, "");
    }
  }

  /** The tenant's live (not deleted) loan ids, one a line, for the wrk script to pick from. */
  private Path liveIds(ConfigurableApplicationContext ctx, Tenant tenant) throws Exception {
    Path file = Path.of(home).resolve("bench-api-ids-" + tenant.id() + ".txt");
    if (!Files.exists(file)) {
      List<Long> ids = ctx.getBean(TenantTransactions.class).jdbc(tenant)
          .sql("SELECT id FROM loan WHERE NOT deleted ORDER BY id").query(Long.class).list();
      Files.write(file, ids.stream().map(String::valueOf).toList());
    }
    return file;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "unknown";
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
