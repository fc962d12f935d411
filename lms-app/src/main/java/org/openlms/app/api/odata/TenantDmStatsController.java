package org.openlms.app.api.odata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.maintenance.DmStats;
import org.openlms.app.maintenance.DmStatsRepository;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDataSources;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code GET odata.svc/TenantDMStats}: daily maintenance statistics, shaped as LoanPro documents them. */
@RestController
@RequestMapping("/api/public/api/1/odata.svc")
class TenantDmStatsController {

  private final TenantDataSources pools;
  private final DmStatsRepository stats;

  TenantDmStatsController(TenantDataSources pools, DmStatsRepository stats) {
    this.pools = pools;
    this.stats = stats;
  }

  @GetMapping({"/TenantDMStats", "/TenantDMStats()"})
  Map<String, Object> list(Tenant tenant, ODataPage page,
      @org.springframework.web.bind.annotation.RequestParam(name = "$expand", required = false) String expand) {
    if (expand != null && !expand.isBlank()) {
      throw new org.openlms.app.errors.InvalidInputException("TenantDMStats has no navigation properties to $expand");
    }
    DataSource db = pools.of(tenant);
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/public/api/1/odata.svc/")
        .toUriString();
    List<Map<String, Object>> rows = stats.page(db, page.top(), page.skip()).stream()
        .map(s -> row(s, base)).toList();
    return ODataEnvelope.collection(rows, page, stats.count(db));
  }

  private static Map<String, Object> row(DmStats s, String base) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of(
        "uri", base + "TenantDMStats(id='" + s.id() + "',date=datetime'" + s.date() + "')",
        "type", "Entity.TenantDMStats"));
    m.put("id", String.valueOf(s.id()));
    m.put("date", ODataFormat.date(s.date()));
    m.put("queued", ODataFormat.date(s.queued()));
    m.put("inProgress", ODataFormat.date(s.inProgress()));
    m.put("completed", ODataFormat.date(s.completed()));
    m.put("totalLoans", s.totalLoans());
    m.put("maintainedLoans", s.maintainedLoans());
    m.put("failedLoans", s.failedLoans());
    m.put("warningFlagsEvaluation", ODataFormat.date(s.warningFlagsEvaluation()));
    m.put("stoplightEvaluation", ODataFormat.date(s.stoplightEvaluation()));
    m.put("reverseCalcCompleted", ODataFormat.date(s.reverseCalcCompleted()));
    m.put("kind", s.kind());
    return m;
  }
}
