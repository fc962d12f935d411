package org.openlms.app.api.odata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.openlms.app.api.odata.query.QueryPlan;
import org.openlms.app.maintenance.DmStats;
import org.openlms.app.maintenance.DmStatsRepository;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET odata.svc/TenantDMStats}: daily maintenance statistics, shaped as LoanPro documents them, with
 * {@code $filter}, {@code $orderby}, {@code $select} and paging, e.g.
 * {@code ?$filter=date ge datetime'2021-03-17' and date le datetime'2021-03-17'&$orderby=date}.
 */
@RestController
@RequestMapping("/api/public/api/1/odata.svc")
class TenantDmStatsController {

  private final TenantTransactions tx;
  private final DmStatsRepository stats;
  private final ODataEntitySets sets;

  TenantDmStatsController(TenantTransactions tx, DmStatsRepository stats, ODataEntitySets sets) {
    this.tx = tx;
    this.stats = stats;
    this.sets = sets;
  }

  @GetMapping({"/TenantDMStats", "/TenantDMStats()"})
  Map<String, Object> list(Tenant tenant, ODataQueryOptions options) {
    QueryPlan plan = sets.plan("TenantDMStats", options);
    if (!plan.expand().isEmpty()) {
      throw new org.openlms.app.errors.InvalidInputException("TenantDMStats has no navigation properties to $expand");
    }
    JdbcClient db = tx.jdbc(tenant);
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/public/api/1/odata.svc/")
        .toUriString();
    List<Map<String, Object>> rows = stats.find(db, plan).stream()
        .map(s -> ODataSelect.apply(row(s, base), plan)).toList();
    return ODataEnvelope.collection(rows, plan.summary(stats.count(db, plan)));
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
