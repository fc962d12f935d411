package org.openlms.app.api.odata.portfolios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.api.odata.FieldReader;
import org.openlms.app.api.odata.NestedResults;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.portfolio.Portfolio;
import org.openlms.app.portfolio.PortfolioService.SubChange;
import org.openlms.app.portfolio.SubPortfolio;
import tools.jackson.databind.JsonNode;

/**
 * Portfolio and SubPortfolio payloads and answers in LoanPro's shape ({@code title}, {@code numPrefix},
 * {@code numSuffix}, {@code categoryId}, {@code entityType}, {@code active}, nested {@code SubPortfolios};
 * a sub-portfolio's {@code parent}). Requests are checked whole before any work; present fields replace,
 * absent fields stay.
 */
final class PortfolioJson {

  private static final Set<String> IGNORED = Set.of("__metadata", "__update", "__id", "id", "created");
  private static final Set<String> FIELDS = Set.of("title", "numPrefix", "numSuffix", "categoryId", "entityType",
      "active", "SubPortfolios");
  private static final Set<String> SUB_FIELDS = Set.of("title", "parent", "active");

  private PortfolioJson() {}

  record Parsed(UnaryOperator<Portfolio> change, List<SubChange> subs) {}

  static Portfolio blank() {
    return new Portfolio(0, null, null, null, null, Portfolio.LOAN_ENTITY, true, null);
  }

  static Parsed read(JsonNode body, boolean create) {
    FieldReader r = reader("Portfolio", body, FIELDS);
    String title = title(r, body, create);
    String prefix = r.text("numPrefix", 50);
    String suffix = r.text("numSuffix", 50);
    Integer category = r.integer("categoryId");
    if (category != null && category < 0) {
      r.fail("categoryId", "must be a positive id");
    }
    String entityType = r.text("entityType", 60);
    if (body.has("entityType") && !Portfolio.LOAN_ENTITY.equals(entityType)) {
      r.fail("entityType", "must be Entity.Loan (only loan portfolios exist here)");
    }
    Boolean active = r.flag("active");
    r.throwIfInvalid();
    List<SubChange> subs = body.has("SubPortfolios") && !deferred(body.get("SubPortfolios"))
        ? subs(body.get("SubPortfolios"), create) : List.of();
    return new Parsed(p -> new Portfolio(p.id(), title != null ? title : p.title(),
        body.has("numPrefix") ? prefix : p.numPrefix(), body.has("numSuffix") ? suffix : p.numSuffix(),
        body.has("categoryId") ? category : p.categoryId(), p.entityType(), active != null ? active : p.active(),
        p.created()), subs);
  }

  /** A sub-portfolio payload: the change to apply (to a blank one with {@code parent} 0 on create). */
  static UnaryOperator<SubPortfolio> readSub(JsonNode body, boolean create) {
    FieldReader r = reader("SubPortfolio", body, SUB_FIELDS);
    String title = title(r, body, create);
    Integer parent = r.integer("parent");
    if (create && parent == null && r.errors().isEmpty()) {
      r.fail("parent", "is required (the portfolio's id)");
    } else if (parent != null && parent <= 0) {
      r.fail("parent", "must be a positive id");
    }
    Boolean active = r.flag("active");
    r.throwIfInvalid();
    return s -> new SubPortfolio(s.id(), parent != null ? parent : s.parent(), title != null ? title : s.title(),
        active != null ? active : s.active(), s.created());
  }

  static Map<String, Object> view(Portfolio p, String base, Object subPortfolios) {
    String key = "Portfolios(id=" + p.id() + ")";
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + key, "type", "Entity.Portfolio"));
    m.put("id", p.id());
    m.put("title", p.title());
    m.put("numPrefix", p.numPrefix());
    m.put("numSuffix", p.numSuffix());
    m.put("categoryId", p.categoryId());
    m.put("entityType", p.entityType());
    m.put("active", p.active() ? 1 : 0);
    m.put("created", ODataFormat.date(p.created()));
    m.put("SubPortfolios", subPortfolios != null ? subPortfolios
        : Map.of("__deferred", Map.of("uri", key + "/SubPortfolios")));
    return m;
  }

  static Map<String, Object> subView(SubPortfolio s, String base) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", base + "SubPortfolios(id=" + s.id() + ")", "type", "Entity.SubPortfolio"));
    m.put("id", s.id());
    m.put("title", s.title());
    m.put("parent", s.parent());
    m.put("active", s.active() ? 1 : 0);
    m.put("created", ODataFormat.date(s.created()));
    return m;
  }

  private static FieldReader reader(String entity, JsonNode body, Set<String> fields) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("The request body must be a JSON object");
    }
    FieldReader r = new FieldReader(entity, body);
    for (String name : body.propertyNames()) {
      if (!fields.contains(name) && !IGNORED.contains(name)) {
        r.fail(FieldReader.clip(name), "unknown field");
      }
    }
    return r;
  }

  private static String title(FieldReader r, JsonNode body, boolean required) {
    String title = r.text("title", 200);
    boolean given = body.has("title");
    if ((required || given) && (title == null || title.isBlank()) && r.errors().isEmpty()) {
      r.fail("title", "is required and can't be blank");
    }
    return title == null ? null : title.strip();
  }

  /** Nested sub-portfolios: new ones (no {@code __id}) need a title; existing ones change title or active. */
  private static List<SubChange> subs(JsonNode node, boolean create) {
    List<JsonNode> items = NestedResults.items("SubPortfolios", node);
    List<SubChange> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String name = "SubPortfolios.results[" + i + "]";
      FieldReader r = reader(name, item, Set.of("title", "active"));
      Integer id = item.has("__id") ? r.integer("__id") : NestedResults.uriId(item, "SubPortfolios");
      if (id != null && (id <= 0 || create)) {
        r.fail("__id", create ? "a new portfolio has no sub-portfolios to change yet" : "must be a positive id");
      }
      String title = title(r, item, id == null);
      Boolean active = r.flag("active");
      r.throwIfInvalid();
      out.add(new SubChange(id == null ? null : id.longValue(), title, active));
    }
    return out;
  }

  private static boolean deferred(JsonNode v) {
    return v.isObject() && v.size() == 1 && v.has("__deferred");
  }
}
