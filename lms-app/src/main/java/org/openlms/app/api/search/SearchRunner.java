package org.openlms.app.api.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.api.ODataFormat;
import org.openlms.app.api.odata.ODataRows;
import org.openlms.app.api.odata.query.SqlFragment;
import org.openlms.app.api.search.SearchRequest.Aggregation;
import org.openlms.app.api.search.SearchRequest.SortKey;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs a parsed search over one index: one query for the page, one for the total and the aggregations. */
final class SearchRunner {

  private SearchRunner() {}

  /**
   * @param limit the page size, or null for every match ({@code nopaging})
   * @param within a condition on the index's rows every match must also meet (the caller's restriction), or null
   */
  static Map<String, Object> run(JdbcClient db, SearchIndex index, SearchRequest req, Integer limit, int offset,
      SqlFragment within) {
    SqlFragment where = PortfolioRestriction.and(SearchTranslator.where(index, req.query()), within);
    StringBuilder select = new StringBuilder("SELECT count(*) AS total");
    for (int i = 0; i < req.aggregations().size(); i++) {
      select.append(", ").append(aggregate(index, req.aggregations().get(i))).append(" AS a").append(i);
    }
    String order = orderBy(index, req.sort());
    List<Object> params = new ArrayList<>(where.params());
    params.add(limit != null ? limit : ODataRows.NOPAGING_MAX + 1); // nopaging is bounded as on OData sets
    params.add(offset);
    List<Map<String, Object>> rows = db.sql("SELECT * FROM " + index.from() + " WHERE " + where.sql()
        + order + " LIMIT ? OFFSET ?").params(params).query((rs, n) -> row(index, rs)).list();
    if (limit == null && rows.size() > ODataRows.NOPAGING_MAX) {
      throw ODataRows.tooManyForNoPaging();
    }

    Map<String, Object> summary = new LinkedHashMap<>();
    db.sql(select + " FROM " + index.from() + " WHERE " + where.sql()).params(where.params()).query(rs -> {
      long total = rs.getLong("total");
      summary.put("start", offset);
      summary.put("pageSize", limit == null ? total : limit);
      summary.put("total", total);
      summary.put("totalHits", total); // the name LoanPro's MCP client reads
      if (!req.aggregations().isEmpty()) {
        Map<String, Object> aggs = new LinkedHashMap<>();
        for (int i = 0; i < req.aggregations().size(); i++) {
          Map<String, Object> value = new LinkedHashMap<>();
          value.put("value", rs.getObject("a" + i)); // null for avg/min/max of nothing, as Elasticsearch
          aggs.put(req.aggregations().get(i).name(), value);
        }
        summary.put("aggregations", aggs);
      }
    });
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("results", rows);
    d.put("summary", summary);
    return Map.of("d", d);
  }

  private static String aggregate(SearchIndex index, Aggregation a) {
    SearchField f = index.field(a.field());
    if (a.function().equals("value_count")) {
      return "count(" + f.column() + ")";
    }
    if (!f.kind().isNumeric()) {
      throw SearchParser.fail("aggs." + a.name() + ": " + a.function() + " needs a number field; " + f.name()
          + " is not one");
    }
    return a.function().equals("sum") ? "COALESCE(sum(" + f.column() + "), 0)" : a.function() + "(" + f.column() + ")";
  }

  /** Requested keys (missing values last, as Elasticsearch sorts them), then the key so pages are stable. */
  private static String orderBy(SearchIndex index, List<SortKey> sort) {
    StringBuilder sb = new StringBuilder(" ORDER BY ");
    for (SortKey k : sort) {
      if (k.field().equals("_score")) {
        continue; // no relevance score here; matches are equal
      }
      SearchField f = index.field(k.field());
      sb.append(f.column()).append(k.descending() ? " DESC" : " ASC").append(" NULLS LAST, ");
    }
    return sb.append(index.keyColumn()).append(" ASC").toString();
  }

  private static Map<String, Object> row(SearchIndex index, ResultSet rs) throws SQLException {
    Map<String, Object> m = new LinkedHashMap<>();
    for (SearchField f : index.fields().values()) {
      if (!f.answered()) {
        continue;
      }
      m.put(f.name(), switch (f.kind()) {
        case INTEGER -> {
          long v = rs.getLong(f.column());
          yield rs.wasNull() ? null : v;
        }
        case DECIMAL -> ODataFormat.money(rs.getBigDecimal(f.column()));
        case DATE -> {
          java.sql.Date d = rs.getDate(f.column());
          yield d == null ? null : ODataFormat.date(d.toLocalDate());
        }
        case SSN_LAST4 -> {
          String s = rs.getString(f.column());
          yield s == null || s.isEmpty() ? null : "***-**-" + s;
        }
        default -> rs.getString(f.column());
      });
    }
    return m;
  }
}
