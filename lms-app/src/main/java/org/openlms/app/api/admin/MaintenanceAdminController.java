package org.openlms.app.api.admin;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.maintenance.DmRun;
import org.openlms.app.maintenance.DmStats;
import org.openlms.app.maintenance.MaintenanceService;
import org.openlms.app.maintenance.RunProgress;
import org.openlms.app.tenancy.TenantService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Daily maintenance for operators: queue a run now ({@code ./lms maintenance run}), follow its progress,
 * and read a month's report ({@code ./lms maintenance report}). Times as {@code /Date(epoch s)/}, UTC.
 */
@RestController
@RequestMapping("/api/admin/tenants/{id}/maintenance")
class MaintenanceAdminController {

  private final MaintenanceService maintenance;
  private final TenantService tenants;

  MaintenanceAdminController(MaintenanceService maintenance, TenantService tenants) {
    this.maintenance = maintenance;
    this.tenants = tenants;
  }

  /** Body (optional): {@code {"date": "YYYY-MM-DD"}}; default the company's current business date. */
  record RunRequest(String date) {}

  @PostMapping("/runs")
  Map<String, Object> run(@PathVariable long id, @RequestBody(required = false) RunRequest req) {
    LocalDate date = req == null || req.date() == null ? null : parse(req.date());
    DmRun run = maintenance.requestRun(id, date);
    return Map.of("d", view(maintenance.progress(id, run.date())));
  }

  @GetMapping("/runs/{date}")
  Map<String, Object> progress(@PathVariable long id, @PathVariable String date) {
    return Map.of("d", view(maintenance.progress(id, parse(date))));
  }

  @GetMapping("/report")
  Map<String, Object> report(@PathVariable long id, @RequestParam String month) {
    YearMonth ym;
    try {
      ym = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("month must be YYYY-MM, not '" + month + "'");
    }
    List<Map<String, Object>> rows = maintenance.report(id, ym).stream().map(MaintenanceAdminController::row).toList();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("month", ym.toString());
    d.put("timeZone", maintenance.zoneOf(tenants.tenant(id)).getId());
    d.put("results", rows);
    return Map.of("d", d);
  }

  private static LocalDate parse(String date) {
    try {
      return LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("date must be YYYY-MM-DD, not '" + date + "'");
    }
  }

  private static Map<String, Object> view(RunProgress p) {
    DmRun r = p.run();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("date", r.date().toString());
    m.put("kind", r.kind());
    m.put("state", r.state().code());
    m.put("trigger", r.trigger());
    m.put("queued", ODataFormat.date(r.queuedAt()));
    m.put("inProgress", ODataFormat.date(r.startedAt()));
    m.put("completed", ODataFormat.date(r.completedAt()));
    m.put("totalLoans", r.totalLoans());
    m.put("maintainedLoans", p.maintainedLoans());
    m.put("failedLoans", p.failedLoans());
    m.put("chunks", r.chunkCount());
    m.put("chunksDone", p.chunksDone());
    m.put("detail", r.detail());
    return m;
  }

  private static Map<String, Object> row(DmStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", s.date().toString());
    m.put("queued", ODataFormat.date(s.queued()));
    m.put("inProgress", ODataFormat.date(s.inProgress()));
    m.put("completed", ODataFormat.date(s.completed()));
    m.put("warningFlagsEvaluation", ODataFormat.date(s.warningFlagsEvaluation()));
    m.put("stoplightEvaluation", ODataFormat.date(s.stoplightEvaluation()));
    m.put("reverseCalcCompleted", ODataFormat.date(s.reverseCalcCompleted()));
    m.put("totalLoans", s.totalLoans());
    m.put("maintainedLoans", s.maintainedLoans());
    m.put("failedLoans", s.failedLoans());
    return m;
  }
}
