package org.openlms.app.api.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openlms.app.api.ApiErrors;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.seed.LoanSeeder;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDataSources;
import org.openlms.app.tenancy.TenantService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/admin/tenants/{id}/seed {"loans": N, "seed": S, "archiveDays": D}}: loads generated loans
 * (with each one's archive of its last D days, if asked), answering with one JSON line per progress step
 * (NDJSON) and a last line with the totals, so the CLI can draw a progress bar.
 */
@RestController
class SeedController {

  private final LoanSeeder seeder;
  private final TenantService tenants;
  private final TenantDataSources pools;
  private final ObjectMapper json;

  SeedController(LoanSeeder seeder, TenantService tenants, TenantDataSources pools, ObjectMapper json) {
    this.seeder = seeder;
    this.tenants = tenants;
    this.pools = pools;
    this.json = json;
  }

  record SeedRequest(Integer loans, Long seed, Integer archiveDays) {}

  @PostMapping(path = "/api/admin/tenants/{id}/seed", produces = "application/x-ndjson")
  ResponseEntity<StreamingResponseBody> seed(@PathVariable long id, @RequestBody SeedRequest req) {
    if (req.loans() == null || req.loans() < 1 || req.loans() > 10_000_000) {
      throw new InvalidInputException("loans must be between 1 and 10000000");
    }
    Tenant tenant = tenants.tenant(id);
    pools.of(tenant); // refuses a tenant that is not active before anything streams
    int loans = req.loans();
    long seed = req.seed() == null ? 42L : req.seed();
    int archiveDays = req.archiveDays() == null ? 0 : req.archiveDays();
    if (archiveDays < 0 || archiveDays > LoanSeeder.MAX_ARCHIVE_DAYS) {
      throw new InvalidInputException("archiveDays must be between 0 and " + LoanSeeder.MAX_ARCHIVE_DAYS);
    }
    StreamingResponseBody body = out -> {
      try {
        // Two loader threads report progress: sum their phases, and never interleave lines.
        long[] perPhase = new long[LoanSeeder.PHASES.size()];
        LoanSeeder.Result r = seeder.seed(tenant, loans, seed, archiveDays, (phase, done) -> {
          synchronized (perPhase) {
            perPhase[phase] = done;
            line(out, progress(phase, java.util.Arrays.stream(perPhase).sum(), loans));
          }
        });
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("loans", r.loans());
        last.put("templates", r.templates());
        last.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        last.put("loansPerSecond", Math.round(r.loans() / r.seconds()));
        line(out, last);
      } catch (InvalidInputException e) {
        line(out, ApiErrors.body("InvalidInputException", e.getMessage()));
      } catch (RuntimeException e) {
        line(out, ApiErrors.body("SeedFailedException", "Seeding failed and was rolled back: " + e.getMessage()));
      }
    };
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
  }

  private static Map<String, Object> progress(int phase, long done, int loans) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("phase", LoanSeeder.PHASES.get(phase));
    m.put("done", done);
    m.put("total", (long) LoanSeeder.PHASES.size() * loans);
    return m;
  }

  private void line(OutputStream out, Object value) {
    try {
      out.write(json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
