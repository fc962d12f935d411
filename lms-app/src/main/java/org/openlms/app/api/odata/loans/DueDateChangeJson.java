package org.openlms.app.api.odata.loans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.loan.NewDueDateChange;
import tools.jackson.databind.JsonNode;

/**
 * Due date changes in LoanPro's JSON ({@code DueDateChanges} of a loan): {@code originalDate} (a due date still to
 * come), {@code newDate}, {@code changedDate} (when the change is made; the business date when left out) and
 * {@code dueDateOnLastDOM}. The latest change goes with {@code {"__id":N,"__destroy":true}}.
 */
final class DueDateChangeJson {

  static final String NAME = "DueDateChanges";
  static final String SET = "LoanDueDateChanges";
  private static final Set<String> KNOWN = Set.of("__metadata", "__update", "__id", "__destroy", "__delete", "id",
      "loanId", "entityId", "entityType", "originalDate", "newDate", "changedDate", "dueDateOnLastDOM", "created");

  private DueDateChangeJson() {}

  record Parsed(List<NewDueDateChange> added, List<Long> removed) {}

  static Parsed read(JsonNode node) {
    NestedResults<NewDueDateChange, Long> n = NestedResults.read(NAME, node, KNOWN, DueDateChangeJson::added,
        r -> NestedResults.destroyed(r, "a due date change"));
    return new Parsed(n.added(), n.existing());
  }

  private static NewDueDateChange added(FieldReader r) {
    LocalDate original = r.date("originalDate");
    LocalDate newDate = r.date("newDate");
    LocalDate changed = r.date("changedDate");
    Boolean lastDom = r.flag("dueDateOnLastDOM");
    if (original == null) {
      r.fail("originalDate", "is required");
    }
    if (newDate == null) {
      r.fail("newDate", "is required");
    }
    r.throwIfInvalid();
    return new NewDueDateChange(original, newDate, changed, Boolean.TRUE.equals(lastDom));
  }


  static Map<String, Object> view(ResultSet rs, String base) throws SQLException {
    long id = rs.getLong("id");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + SET + "(id=" + id + ")", "type", "Entity.DueDateChange"));
    m.put("id", id);
    m.put("loanId", rs.getLong("loan_id"));
    m.put("originalDate", ODataFormat.date(rs.getObject("original_date", LocalDate.class)));
    m.put("newDate", ODataFormat.date(rs.getObject("new_date", LocalDate.class)));
    m.put("changedDate", ODataFormat.date(rs.getObject("changed_date", LocalDate.class)));
    m.put("dueDateOnLastDOM", rs.getBoolean("due_date_on_last_dom") ? 1 : 0);
    m.put("created", ODataFormat.date(rs.getTimestamp("created").toInstant()));
    return m;
  }
}
