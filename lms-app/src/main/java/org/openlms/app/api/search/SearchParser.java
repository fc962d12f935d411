package org.openlms.app.api.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openlms.app.api.search.SearchQuery.Bool;
import org.openlms.app.api.search.SearchQuery.Exists;
import org.openlms.app.api.search.SearchQuery.Match;
import org.openlms.app.api.search.SearchQuery.MatchAll;
import org.openlms.app.api.search.SearchQuery.QueryString;
import org.openlms.app.api.search.SearchQuery.Range;
import org.openlms.app.api.search.SearchQuery.Terms;
import org.openlms.app.api.search.SearchRequest.Aggregation;
import org.openlms.app.api.search.SearchRequest.SortKey;
import org.openlms.app.errors.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;

/**
 * Reads the Elasticsearch body subset LoanPro's clients send. Anything else is refused with a message naming
 * it, never ignored: a dropped clause would silently widen a search. Depth and size are bounded.
 */
public final class SearchParser {

  static final int MAX_DEPTH = 16;
  static final int MAX_CLAUSES = 200;
  static final int MAX_SIZE = 1000;
  static final int MAX_FROM = 1_000_000;
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,63}");
  private static final Set<String> TOP = Set.of("query", "sort", "size", "from", "aggs", "aggregations");
  private static final Set<String> FUNCTIONS = Set.of("sum", "avg", "min", "max", "value_count");

  private int clauses;

  private SearchParser() {}

  /** Parses a body; a missing body or {@code {}} is match_all. */
  public static SearchRequest parse(JsonNode body) {
    return new SearchParser().request(body);
  }

  private SearchRequest request(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return new SearchRequest(new MatchAll(), List.of(), null, null, List.of());
    }
    if (!body.isObject()) {
      throw fail("the body must be a JSON object");
    }
    for (String k : body.propertyNames()) {
      if (!TOP.contains(k)) {
        throw fail("unsupported key '" + clip(k) + "' (supported: query, sort, size, from, aggs)");
      }
    }
    if (body.has("aggs") && body.has("aggregations")) {
      throw fail("give aggs or aggregations, not both");
    }
    SearchQuery q = body.has("query") ? query(body.get("query"), "query", 1) : new MatchAll();
    JsonNode aggs = body.has("aggs") ? body.get("aggs") : body.get("aggregations");
    return new SearchRequest(q, sort(body.get("sort")), count(body.get("size"), "size", MAX_SIZE),
        count(body.get("from"), "from", MAX_FROM), aggs == null ? List.of() : aggregations(aggs));
  }

  private SearchQuery query(JsonNode node, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw fail(path + " is nested deeper than " + MAX_DEPTH + " levels");
    }
    if (++clauses > MAX_CLAUSES) {
      throw fail("more than " + MAX_CLAUSES + " clauses");
    }
    Map.Entry<String, JsonNode> only = single(node, path);
    String type = only.getKey();
    JsonNode arg = only.getValue();
    String at = path + "." + clip(type);
    return switch (type) {
      case "match_all" -> {
        if (!arg.isObject() || !arg.isEmpty()) {
          throw fail(at + " takes an empty object");
        }
        yield new MatchAll();
      }
      case "match" -> match(arg, at);
      case "range" -> range(arg, at);
      case "term", "terms" -> terms(arg, at, type.equals("terms"));
      case "query_string" -> queryString(arg, at);
      case "exists" -> {
        requireKeys(arg, at, Set.of("field"));
        yield new Exists(name(arg.get("field"), at + ".field"));
      }
      case "bool" -> bool(arg, at, depth);
      default -> throw fail("unsupported query type '" + clip(type) + "' at " + path
          + " (supported: match_all, match, term, terms, bool, range, query_string, exists)");
    };
  }

  private Match match(JsonNode arg, String at) {
    Map.Entry<String, JsonNode> f = single(arg, at);
    String field = name(f.getKey(), at);
    JsonNode v = f.getValue();
    if (v.isObject()) {
      requireKeys(v, at + "." + field, Set.of("query", "operator"));
      return new Match(field, scalar(v.get("query"), at + "." + field + ".query"), operatorAnd(v.get("operator"), at));
    }
    return new Match(field, scalar(v, at + "." + field), false);
  }

  private Terms terms(JsonNode arg, String at, boolean many) {
    Map.Entry<String, JsonNode> f = single(arg, at);
    String field = name(f.getKey(), at);
    JsonNode v = f.getValue();
    String p = at + "." + field;
    if (!many) {
      if (v.isObject()) {
        requireKeys(v, p, Set.of("value"));
        v = v.get("value");
      }
      return new Terms(field, List.of(scalar(v, p)));
    }
    if (!v.isArray() || v.isEmpty() || v.size() > 100) {
      throw fail(p + " must be a list of 1 to 100 values");
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      values.add(scalar(v.get(i), p + "[" + i + "]"));
    }
    return new Terms(field, values);
  }

  private Range range(JsonNode arg, String at) {
    Map.Entry<String, JsonNode> f = single(arg, at);
    String field = name(f.getKey(), at);
    JsonNode b = f.getValue();
    String p = at + "." + field;
    requireKeys(b, p, Set.of("gt", "gte", "lt", "lte"));
    if (b.isEmpty()) {
      throw fail(p + " needs at least one of gt, gte, lt, lte");
    }
    return new Range(field, opt(b, "gt", p), opt(b, "gte", p), opt(b, "lt", p), opt(b, "lte", p));
  }

  private QueryString queryString(JsonNode arg, String at) {
    requireKeys(arg, at, Set.of("query", "fields", "default_field", "default_operator"));
    JsonNode q = arg.get("query");
    if (q == null || !q.isString()) {
      throw fail(at + ".query must be a string");
    }
    List<String> fields = new ArrayList<>();
    if (arg.has("fields")) {
      JsonNode fs = arg.get("fields");
      if (!fs.isArray() || fs.isEmpty() || fs.size() > 20) {
        throw fail(at + ".fields must be a list of 1 to 20 field names");
      }
      fs.forEach(f -> fields.add(name(f, at + ".fields")));
    }
    if (arg.has("default_field")) {
      fields.add(name(arg.get("default_field"), at + ".default_field"));
    }
    return new QueryString(q.asString(), fields, operatorAnd(arg.get("default_operator"), at));
  }

  private Bool bool(JsonNode arg, String at, int depth) {
    requireKeys(arg, at, Set.of("must", "filter", "should", "must_not", "minimum_should_match"));
    Integer min = null;
    if (arg.has("minimum_should_match")) {
      JsonNode m = arg.get("minimum_should_match");
      min = count(m, at + ".minimum_should_match", MAX_CLAUSES);
    }
    return new Bool(clauses(arg.get("must"), at + ".must", depth), clauses(arg.get("filter"), at + ".filter", depth),
        clauses(arg.get("should"), at + ".should", depth), clauses(arg.get("must_not"), at + ".must_not", depth), min);
  }

  private List<SearchQuery> clauses(JsonNode node, String at, int depth) {
    List<SearchQuery> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(query(node.get(i), at + "[" + i + "]", depth + 1));
      }
    } else {
      out.add(query(node, at, depth + 1));
    }
    return out;
  }

  private List<SortKey> sort(JsonNode node) {
    List<SortKey> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    if (items.size() > 10) {
      throw fail("at most 10 sort keys");
    }
    for (JsonNode item : items) {
      if (item.isString()) {
        out.add(new SortKey(name(item, "sort"), false));
        continue;
      }
      Map.Entry<String, JsonNode> f = single(item, "sort");
      String field = name(f.getKey(), "sort");
      JsonNode spec = f.getValue();
      JsonNode order = spec.isObject() ? spec.get("order") : spec;
      if (spec.isObject()) {
        requireKeys(spec, "sort." + field, Set.of("order"));
      }
      String o = order != null && order.isString() ? order.asString().toLowerCase() : "";
      if (!o.equals("asc") && !o.equals("desc")) {
        throw fail("sort." + field + " order must be asc or desc");
      }
      out.add(new SortKey(field, o.equals("desc")));
    }
    return out;
  }

  private List<Aggregation> aggregations(JsonNode node) {
    if (!node.isObject() || node.size() > 10) {
      throw fail("aggs must be an object of at most 10 named aggregations");
    }
    List<Aggregation> out = new ArrayList<>();
    for (String aggName : node.propertyNames()) {
      String at = "aggs." + clip(aggName);
      if (!NAME.matcher(aggName).matches()) {
        throw fail(at + ": aggregation names are letters, digits and _");
      }
      Map.Entry<String, JsonNode> f = single(node.get(aggName), at);
      if (!FUNCTIONS.contains(f.getKey())) {
        throw fail(at + ": unsupported aggregation '" + clip(f.getKey()) + "' (supported: " + FUNCTIONS + ")");
      }
      requireKeys(f.getValue(), at + "." + f.getKey(), Set.of("field"));
      out.add(new Aggregation(aggName, f.getKey(), name(f.getValue().get("field"), at + ".field")));
    }
    return out;
  }

  private static Map.Entry<String, JsonNode> single(JsonNode node, String at) {
    if (node == null || !node.isObject() || node.size() != 1) {
      throw fail(at + " must be an object with exactly one key");
    }
    return node.properties().iterator().next();
  }

  private static void requireKeys(JsonNode node, String at, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      throw fail(at + " must be an object");
    }
    for (String k : node.propertyNames()) {
      if (!allowed.contains(k)) {
        throw fail("unsupported key '" + clip(k) + "' in " + at);
      }
    }
  }

  private static boolean operatorAnd(JsonNode op, String at) {
    if (op == null) {
      return false;
    }
    String s = op.isString() ? op.asString().toLowerCase() : "";
    if (!s.equals("and") && !s.equals("or")) {
      throw fail(at + " operator must be and or or");
    }
    return s.equals("and");
  }

  private static Object opt(JsonNode b, String key, String at) {
    return b.has(key) ? scalar(b.get(key), at + "." + key) : null;
  }

  static Object scalar(JsonNode v, String at) {
    if (v == null || v.isNull()) {
      throw fail(at + " needs a value");
    }
    if (v.isString()) {
      if (v.asString().length() > 500) {
        throw fail(at + " is longer than 500 characters");
      }
      return v.asString();
    }
    if (v.isNumber()) {
      BigDecimal d = decimal(v);
      if (d == null || d.abs().compareTo(new BigDecimal("1e15")) > 0 || d.scale() > 10) {
        throw fail(at + " is out of range");
      }
      return d;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    throw fail(at + " must be a string, number or boolean");
  }

  private static String name(JsonNode v, String at) {
    if (v == null || !v.isString()) {
      throw fail(at + " must be a field name");
    }
    return name(v.asString(), at);
  }

  private static String name(String s, String at) {
    if (!NAME.matcher(s).matches()) {
      throw fail("'" + clip(s) + "' in " + at + " is not a field name");
    }
    return s;
  }

  private static Integer count(JsonNode v, String at, int max) {
    if (v == null) {
      return null;
    }
    BigDecimal d = v.isNumber() ? decimal(v) : null;
    if (v.isString() && v.asString().strip().matches("\\d{1,9}")) {
      d = new BigDecimal(v.asString().strip());
    }
    if (d == null || d.signum() < 0 || d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw fail(at + " must be a whole number from 0 to " + max);
    }
    return d.intValue();
  }

  /** The number as written; null for one a double cannot hold (e.g. 1e400 read as Infinity). */
  private static BigDecimal decimal(JsonNode v) {
    try {
      return v.decimalValue();
    } catch (NumberFormatException | JsonNodeException e) {
      return null;
    }
  }

  static InvalidInputException fail(String message) {
    return new InvalidInputException("Search: " + message);
  }

  static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
