package org.openlms.app.api.odata.loans;

import org.openlms.app.api.odata.ExpandPaths;
import org.openlms.app.api.odata.FieldReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.customfield.CustomFieldValues;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.loan.Loan;
import org.openlms.app.loan.LoanChanges;
import org.openlms.app.loan.LoanService.LoanView;
import org.openlms.app.loan.LoanSettings;
import org.openlms.app.loan.LoanSetup;
import tools.jackson.databind.JsonNode;

/** The Loan entity in LoanPro's JSON: requests read into {@link LoanChanges}, answers written with navigations. */
public final class LoanJson {

  /** Navigations a loan answers; those not expanded come back as {@code __deferred}. */
  static final List<String> NAVIGATIONS = List.of("LoanSetup", "LoanSettings", "StatusArchive", "Transactions",
      "Payments", "Charges", "Customers", "Portfolios", "SubPortfolios", "Notes", "RecurrentCharges", "Autopays",
      "StopInterestDates", "APDAdjustments", "DueDateChanges");
  private static final Set<String> EXPANDABLE_NOW = Set.of("LoanSetup", "LoanSettings", "StatusArchive",
      "Payments", "Charges", "Transactions", "Customers", "Portfolios", "SubPortfolios");
  private static final Set<String> TOP_LEVEL = Set.of("__metadata", "__update", "__id", "id", "displayId", "title",
      "LoanSetup", "LoanSettings", "archived", "temporaryAccount", "loanAlert", "active", "deleted", "created",
      "lastMaintRun", "modId", "modTotal", "settingsId", "setupId", "humanActivityDate", "createdBy", "deletedAt",
      "lastUpdate");

  private LoanJson() {}

  public static LoanChanges read(JsonNode body, LoanView current) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("The request body must be a JSON object");
    }
    FieldReader r = new FieldReader("Loan", body);
    for (String name : body.propertyNames()) {
      if (!TOP_LEVEL.contains(name)) {
        boolean navigation = NAVIGATIONS.contains(name);
        r.fail(FieldReader.clip(name), navigation ? "writing " + name + " is not supported yet" : "unknown field");
      }
    }
    r.throwIfInvalid();
    LoanSetup setup = body.has("LoanSetup") ? LoanSetupJson.read(body.get("LoanSetup"),
        current == null ? null : current.setup()) : null;
    Boolean activate = setup != null && body.get("LoanSetup").has("active")
        ? new FieldReader("LoanSetup", body.get("LoanSetup")).flag("active") : null;
    if (Boolean.FALSE.equals(activate) && current != null && current.loan().setupActive()) {
      throw new InvalidInputException("LoanSetup.active: an activated loan can't be deactivated here");
    }
    LoanSettings settings = body.has("LoanSettings") ? readSettings(body.get("LoanSettings"),
        current == null ? LoanSettings.defaults() : current.settings()) : null;
    List<CustomFieldValues.Change> custom = body.has("LoanSettings") ? customFieldValues(body.get("LoanSettings"))
        : null;
    String displayId = r.text("displayId", 100);
    String title = r.text("title", 500);
    Boolean archived = r.flag("archived");
    Boolean temporary = r.flag("temporaryAccount");
    String alert = r.text("loanAlert", 2000);
    r.throwIfInvalid();
    return new LoanChanges(displayId == null ? null : displayId.strip(), title, setup, settings,
        Boolean.TRUE.equals(activate) ? Boolean.TRUE : null, archived, temporary, alert, custom);
  }

  private static LoanSettings readSettings(JsonNode node, LoanSettings current) {
    if (!node.isObject()) {
      throw new InvalidInputException("LoanSettings must be an object");
    }
    FieldReader r = new FieldReader("LoanSettings", node);
    // The status texts are read-only (answered from the tenant's statuses): accepted back as read, and ignored.
    Set<String> known = Set.of("__metadata", "__update", "__id", "id", "loanId", "loanStatusId", "loanSubStatusId",
        "sourceCompany", "autopayEnabled", "isStoplightManuallySet", "loanStatusText", "loanSubStatusText",
        "customFieldValues", "CustomFieldValues");
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) {
        r.fail(FieldReader.clip(name), "unknown or not yet supported field");
      }
    }
    Integer status = r.has("loanStatusId") ? r.integer("loanStatusId") : current.loanStatusId();
    Integer sub = r.has("loanSubStatusId") ? r.integer("loanSubStatusId") : current.loanSubStatusId();
    Integer source = r.has("sourceCompany") ? r.integer("sourceCompany") : current.sourceCompany();
    Boolean autopay = r.has("autopayEnabled") ? r.flag("autopayEnabled") : current.autopayEnabled();
    Boolean stoplight = r.has("isStoplightManuallySet") ? r.flag("isStoplightManuallySet")
        : current.isStoplightManuallySet();
    r.throwIfInvalid();
    return new LoanSettings(status, sub, source, Boolean.TRUE.equals(autopay), Boolean.TRUE.equals(stoplight));
  }

  /**
   * {@code LoanSettings.customFieldValues} (LoanPro's spelling in requests; {@code CustomFieldValues}, as answers
   * name the navigation, is taken too): {@code {"results":[{"customFieldId":3,"customFieldValue":"x"}]}}. A null
   * value clears the field. Types are checked when the values are written (they need the tenant's fields).
   */
  private static List<CustomFieldValues.Change> customFieldValues(JsonNode settings) {
    JsonNode node = settings.isObject() ? settings.get("customFieldValues") : null;
    if (node == null && settings.isObject()) {
      node = settings.get("CustomFieldValues");
    }
    if (node == null || node.has("__deferred")) {
      return null;
    }
    JsonNode results = node.isObject() ? node.get("results") : null;
    if (results == null || !results.isArray()) {
      throw new InvalidInputException("LoanSettings.customFieldValues must be {\"results\":[{\"customFieldId\":..., "
          + "\"customFieldValue\":...}]}");
    }
    if (results.size() > 1000) {
      throw new InvalidInputException("LoanSettings.customFieldValues: at most 1000 values in one request");
    }
    List<CustomFieldValues.Change> out = new java.util.ArrayList<>();
    Set<Long> seen = new java.util.HashSet<>();
    for (int i = 0; i < results.size(); i++) {
      JsonNode e = results.get(i);
      FieldReader r = new FieldReader("LoanSettings.customFieldValues[" + i + "]", e);
      if (!e.isObject()) {
        throw new InvalidInputException("LoanSettings.customFieldValues[" + i + "] must be an object");
      }
      for (String name : e.propertyNames()) {
        if (!Set.of("__metadata", "__update", "__id", "id", "entityId", "entityType", "customFieldId",
            "customFieldValue", "lastUpdate", "customFieldName").contains(name)) {
          r.fail(FieldReader.clip(name), "unknown field");
        }
      }
      Integer field = r.integer("customFieldId");
      if (field == null && !r.has("customFieldId")) {
        r.fail("customFieldId", "is required");
      }
      JsonNode v = e.get("customFieldValue");
      if (v == null) {
        r.fail("customFieldValue", "is required (null clears the field)");
      } else if (!v.isNull() && !v.isString() && !v.isNumber() && !v.isBoolean()) {
        r.fail("customFieldValue", "must be a string, a number, a boolean or null");
      }
      r.throwIfInvalid();
      if (!seen.add(field.longValue())) {
        throw new InvalidInputException("LoanSettings.customFieldValues[" + i + "]: customFieldId " + field
            + " appears twice");
      }
      out.add(new CustomFieldValues.Change(field, CustomFieldValues.text(v)));
    }
    return out;
  }

  public static Map<String, Object> view(LoanView v, Set<String> expand, String base) {
    return view(v, expand, base, Map.of());
  }

  /** With {@code expanded}: navigations already rendered by their own endpoints (collections). */
  public static Map<String, Object> view(LoanView v, Set<String> expand, String base, Map<String, Object> expanded) {
    Loan l = v.loan();
    String key = "Loans(id=" + l.id() + ")";
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + key, "type", "Entity.Loan"));
    m.put("id", l.id());
    m.put("displayId", l.displayId());
    m.put("title", l.title());
    m.put("settingsId", l.id());
    m.put("setupId", l.id());
    m.put("modId", l.modId());
    m.put("modTotal", 0);
    m.put("created", ODataFormat.date(l.created()));
    m.put("lastUpdate", ODataFormat.date(l.lastUpdate()));
    m.put("lastMaintRun", ODataFormat.date(l.lastMaintainedDate()));
    m.put("active", l.deleted() ? 0 : 1);
    m.put("archived", l.archived() ? 1 : 0);
    m.put("loanAlert", l.loanAlert());
    m.put("temporaryAccount", l.temporaryAccount() ? 1 : 0);
    m.put("deleted", l.deleted() ? 1 : 0);
    m.put("deletedAt", ODataFormat.date(l.deletedAt()));
    for (String nav : NAVIGATIONS) {
      if (expand.contains(nav) && nav.equals("LoanSetup")) {
        m.put(nav, LoanSetupJson.view(l.id(), v.setup(), l.setupActive(), base));
      } else if (expand.contains(nav) && nav.equals("LoanSettings")) {
        m.put(nav, settingsView(l.id(), v, base));
      } else if (expanded.containsKey(nav)) {
        m.put(nav, expanded.get(nav));
      } else {
        m.put(nav, Map.of("__deferred", Map.of("uri", key + "/" + nav)));
      }
    }
    return m;
  }

  /**
   * Validates {@code $expand}: known navigations that this server can expand today, each with the rest of its
   * paths ({@code Customers/PrimaryAddress}), or null.
   */
  public static Map<String, String> expand(String raw) {
    return ExpandPaths.parse(raw, NAVIGATIONS, EXPANDABLE_NOW, Set.of("Customers"));
  }

  private static Map<String, Object> settingsView(long loanId, LoanView v, String base) {
    LoanSettings s = v.settings();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + "LoanSettings(id=" + loanId + ")", "type", "Entity.LoanSettings"));
    m.put("id", loanId);
    m.put("loanId", loanId);
    m.put("loanStatusId", s.loanStatusId());
    m.put("loanStatusText", v.loanStatusText());
    m.put("loanSubStatusId", s.loanSubStatusId());
    m.put("loanSubStatusText", v.loanSubStatusText());
    m.put("sourceCompany", s.sourceCompany());
    m.put("autopayEnabled", s.autopayEnabled() ? 1 : 0);
    m.put("isStoplightManuallySet", s.isStoplightManuallySet() ? 1 : 0);
    m.put("CustomFieldValues", Map.of("__deferred", Map.of("uri", "LoanSettings(id=" + loanId + ")/CustomFieldValues")));
    return m;
  }
}
