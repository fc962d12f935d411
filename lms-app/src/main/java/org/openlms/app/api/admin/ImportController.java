package org.openlms.app.api.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.odata.loans.LoanJson;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.loan.importing.LoanImport;
import org.openlms.app.tenancy.TenantService;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/admin/tenants/{id}/import/loans} with {@code {"rows":[{"line":2,"values":{column: text}}]}}:
 * the CLI sends a CSV file in batches. Each row becomes the LoanPro payload the API would take, so an import
 * validates exactly as the API does. See {@link #COLUMNS} for the columns.
 */
@RestController
class ImportController {

  /** Documented CSV columns: where each goes in LoanPro's loan payload. */
  static final Set<String> TOP = Set.of("displayId", "title", "archived");
  static final Set<String> SETTINGS = Set.of("loanStatusId", "loanSubStatusId");
  static final Set<String> SETUP = Set.of("loanAmount", "loanRate", "loanRateType", "loanTerm", "contractDate",
      "firstPaymentDate", "paymentFrequency", "calcType", "daysInYear", "firstPeriodDays", "interestApplication",
      "graceDays", "lateFeeType", "lateFeeAmount", "lateFeePercent", "lateFeeCalc", "loanClass", "loanType", "active");
  static final int MAX_ROWS = 1000;

  private final LoanImport imports;
  private final TenantService tenants;

  ImportController(LoanImport imports, TenantService tenants) {
    this.imports = imports;
    this.tenants = tenants;
  }

  record Batch(List<CsvRow> rows) {}

  record CsvRow(Long line, Map<String, String> values) {}

  @PostMapping("/api/admin/tenants/{id}/import/loans")
  Map<String, Object> importLoans(@PathVariable long id, @RequestBody Batch batch) {
    if (batch.rows() == null || batch.rows().size() > MAX_ROWS) {
      throw new InvalidInputException("rows is required, at most " + MAX_ROWS + " per request");
    }
    List<LoanImport.Row> rows = new ArrayList<>();
    for (CsvRow r : batch.rows()) {
      Map<String, String> values = r.values() == null ? Map.of() : r.values();
      long line = r.line() == null ? 0 : r.line();
      String displayId = values.getOrDefault("displayId", "").strip();
      rows.add(new LoanImport.Row(line, displayId, current -> LoanJson.read(payload(values), current)));
    }
    return Map.of("d", LoanImport.summary(imports.importRows(tenants.tenant(id), rows)));
  }

  /** The CSV row as LoanPro's create/update payload; empty cells are left out. */
  private static ObjectNode payload(Map<String, String> values) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode loan = f.objectNode();
    ObjectNode setup = f.objectNode();
    ObjectNode settings = f.objectNode();
    for (var e : values.entrySet()) {
      String v = e.getValue() == null ? "" : e.getValue().strip();
      if (v.isEmpty()) {
        continue;
      }
      String k = e.getKey();
      if (TOP.contains(k)) {
        loan.put(k, v);
      } else if (SETUP.contains(k)) {
        setup.put(k, v);
      } else if (SETTINGS.contains(k)) {
        settings.put(k, v);
      } else {
        throw new InvalidInputException("Unknown column '" + (k.length() > 40 ? k.substring(0, 40) : k) + "'");
      }
    }
    if (!setup.isEmpty()) {
      loan.set("LoanSetup", setup);
    }
    if (!settings.isEmpty()) {
      loan.set("LoanSettings", settings);
    }
    return loan;
  }
}
