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
import org.openlms.app.loan.NewAdjustment;
import org.openlms.engine.state.Adjustment;
import tools.jackson.databind.JsonNode;

/**
 * Adjustments put on by hand, in LoanPro's JSON: {@code StopInterestDates} ({@code date}, {@code type}
 * {@code loan.stopInterestType.suspend|resume}) and {@code APDAdjustments} ({@code date}, {@code type}
 * {@code loan.apd.adjust.type.zero}); an existing one goes with {@code {"__id":N,"__destroy":true}}. A fixed-amount
 * APD adjustment is refused by name: the engine resets the amount past due, it does not set it to a figure.
 * As when a rule stops interest at night, a suspend's date is the last day that accrues and a resume's date the
 * last that does not ({@link Adjustment}: applied after the day's step).
 */
final class AdjustmentJson {

  static final String STOP_INTEREST = "StopInterestDates";
  static final String APD = "APDAdjustments";
  static final String SUSPEND = "loan.stopInterestType.suspend";
  static final String RESUME = "loan.stopInterestType.resume";
  static final String ZERO = "loan.apd.adjust.type.zero";
  private static final String FIXED = "loan.apd.adjust.type.fixed";
  private static final Set<String> KNOWN = Set.of("__metadata", "__update", "__id", "__destroy", "__delete", "id",
      "loanId", "date", "type", "dollarAmount", "created", "source");

  private AdjustmentJson() {}

  record Parsed(List<NewAdjustment> added, List<Long> removed) {}

  static Parsed read(String name, JsonNode node) {
    NestedResults<NewAdjustment, Long> n = NestedResults.read(name, node, KNOWN, r -> added(name, r),
        r -> NestedResults.destroyed(r, "an existing adjustment"));
    return new Parsed(n.added(), n.existing());
  }

  private static NewAdjustment added(String name, FieldReader r) {
    LocalDate date = r.date("date");
    String type = r.text("type", 100);
    if (date == null) {
      r.fail("date", "is required");
    }
    Adjustment.Kind kind = null;
    if (name.equals(STOP_INTEREST)) {
      if (SUSPEND.equals(type) || RESUME.equals(type)) {
        kind = SUSPEND.equals(type) ? Adjustment.Kind.STOP_INTEREST : Adjustment.Kind.RESUME_INTEREST;
      } else {
        r.fail("type", "must be " + SUSPEND + " or " + RESUME);
      }
    } else if (FIXED.equals(type)) {
      r.fail("type", "fixed-amount APD adjustments are not supported; " + ZERO + " resets the amount past due");
    } else if (ZERO.equals(type)) {
      kind = Adjustment.Kind.RESET_PAST_DUE;
    } else {
      r.fail("type", "must be " + ZERO);
    }
    if (r.has("dollarAmount") && !FIXED.equals(type)) {
      r.fail("dollarAmount", "only a fixed-amount adjustment has one, and those are not supported");
    }
    r.throwIfInvalid();
    return new NewAdjustment(date, kind);
  }


  static Map<String, Object> view(ResultSet rs, String base) throws SQLException {
    String kind = rs.getString("kind");
    boolean apd = kind.equals(Adjustment.Kind.RESET_PAST_DUE.name());
    long id = rs.getLong("id");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + (apd ? APD : STOP_INTEREST) + "(id=" + id + ")",
        "type", apd ? "Entity.APDAdjustment" : "Entity.StopInterestDate"));
    m.put("id", id);
    m.put("loanId", rs.getLong("loan_id"));
    m.put("date", ODataFormat.date(rs.getObject("date", LocalDate.class)));
    m.put("type", apd ? ZERO : kind.equals(Adjustment.Kind.STOP_INTEREST.name()) ? SUSPEND : RESUME);
    m.put("source", rs.getString("source") == null ? "manual" : rs.getString("source"));
    m.put("created", ODataFormat.date(rs.getTimestamp("created").toInstant()));
    return m;
  }
}
