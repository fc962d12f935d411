package org.openlms.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.openlms.app.seed.LoanSeeder;
import org.openlms.app.tenancy.Company;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantKind;
import org.openlms.app.tenancy.TenantLimits;
import org.openlms.app.tenancy.TenantService;
import org.springframework.context.ConfigurableApplicationContext;

/** The seeded tenants of the benchmarks: created and seeded on first use, then found again by a marker file. */
final class BenchTenants {

  private BenchTenants() {}

  /**
   * The tenant named by {@code marker} in {@code home}; when there is none yet, a new sandbox tenant of the
   * "Benchmark" company seeded with {@code loans} loans (and each one's archive of its last {@code archiveDays}).
   */
  static Tenant seeded(ConfigurableApplicationContext ctx, String home, String marker, int loans, int archiveDays,
      TenantLimits limits) throws Exception {
    TenantService tenants = ctx.getBean(TenantService.class);
    Path file = Path.of(home).resolve(marker);
    if (Files.exists(file)) {
      return tenants.tenant(Long.parseLong(Files.readString(file).strip()));
    }
    Company company = tenants.companies().stream().filter(c -> c.name().equals("Benchmark")).findFirst()
        .orElseGet(() -> tenants.createCompany("Benchmark", "UTC"));
    Tenant t = tenants.createTenant(company.id(), TenantKind.SANDBOX, null, limits);
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Seeding " + loans + " loans")
        .setInitialMax((long) LoanSeeder.PHASES.size() * loans).setStyle(ProgressBarStyle.ASCII).build()) {
      long[] perPhase = new long[LoanSeeder.PHASES.size()];
      ctx.getBean(LoanSeeder.class).seed(t, loans, 42L, archiveDays, (phase, done) -> {
        synchronized (perPhase) {
          perPhase[phase] = done;
          bar.stepTo(Arrays.stream(perPhase).sum());
        }
      });
    }
    Files.writeString(file, String.valueOf(t.id()));
    return t;
  }
}
