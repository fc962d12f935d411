package org.openlms.app.loan.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.errors.NotFoundException;
import org.openlms.app.loan.LoanChanges;
import org.openlms.app.loan.LoanService;
import org.openlms.app.loan.LoanSetup;
import org.openlms.app.tenancy.Tenant;
import org.springframework.stereotype.Service;

/**
 * Imports loans row by row, keyed by displayId: a new displayId creates the loan, a known one updates it, so a
 * re-run never duplicates. Each row is its own transaction: a bad row is reported with its line and the
 * reason, and the good rows load.
 */
@Service
public class LoanImport {

  private final LoanService loans;

  LoanImport(LoanService loans) {
    this.loans = loans;
  }

  /**
   * One parsed CSV row: its line number, its displayId, and what it asks for; or why it could not be read.
   * {@code build} gives the changes for the loan's current setup (null for a new loan).
   */
  public record Row(long line, String displayId, java.util.function.Function<LoanService.LoanView, LoanChanges> build) {}

  public record Outcome(long line, String displayId, String result, String message) {}

  public List<Outcome> importRows(Tenant tenant, List<Row> rows) {
    List<Outcome> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      try {
        out.add(new Outcome(r.line(), r.displayId(), one(tenant, r), null));
      } catch (InvalidInputException | NotFoundException e) {
        out.add(new Outcome(r.line(), r.displayId(), "error", e.getMessage()));
      }
    }
    return out;
  }

  private String one(Tenant tenant, Row r) {
    if (r.displayId() == null || r.displayId().isBlank()) {
      throw new InvalidInputException("displayId is required");
    }
    Long existing = loans.idByDisplayId(tenant, r.displayId());
    if (existing == null) {
      loans.create(tenant, r.build().apply(null), "import");
      return "created";
    }
    var view = loans.get(tenant, existing);
    LoanSetup current = view.setup();
    LoanChanges changes = r.build().apply(view);
    if (view.loan().setupActive() && changes.setup() != null && !changes.setup().terms().equals(current.terms())) {
      throw new InvalidInputException("loan " + r.displayId() + " is activated; its LoanSetup can no longer change");
    }
    var loan = view.loan();
    // Only what differs from the loan as it is: a re-run of the same file changes nothing.
    LoanChanges update = new LoanChanges(null,
        changes.title() == null || changes.title().equals(loan.title()) ? null : changes.title(),
        changes.setup() == null || changes.setup().terms().equals(current.terms()) ? null : changes.setup(),
        changes.settings() == null || changes.settings().equals(view.settings()) ? null : changes.settings(),
        Boolean.TRUE.equals(changes.activate()) && !loan.setupActive() ? Boolean.TRUE : null,
        changes.archived() == null || changes.archived() == loan.archived() ? null : changes.archived(), null, null,
        null);
    if (update.isEmpty()) {
      return "unchanged";
    }
    loans.update(tenant, existing, update, "import");
    return "updated";
  }

  /** Totals and the failed rows, as the CLI prints them. */
  public static Map<String, Object> summary(List<Outcome> outcomes) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String kind : List.of("created", "updated", "unchanged")) {
      m.put(kind, outcomes.stream().filter(o -> o.result().equals(kind)).count());
    }
    List<Map<String, Object>> errors = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.result().equals("error")) {
        errors.add(Map.of("line", o.line(), "displayId", o.displayId(), "message", o.message()));
      }
    }
    m.put("failed", errors.size());
    m.put("errors", errors);
    return m;
  }
}
