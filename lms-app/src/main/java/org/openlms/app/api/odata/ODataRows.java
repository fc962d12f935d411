package org.openlms.app.api.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.openlms.app.api.odata.query.QueryPlan;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.api.odata.query.SqlFragment;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a validated plan over its entity's table, optionally inside a navigation's fixed condition
 * (e.g. {@code loan_id = ?} for {@code Loans(5)/StatusArchive}). Client values only arrive as parameters.
 */
public final class ODataRows {

  private ODataRows() {}

  public static <T> List<T> query(JdbcClient db, QueryPlan plan, String fixed, List<Object> fixedParams,
      RowMapper<T> mapper) {
    return query(db, plan, List.of(), fixed, fixedParams, mapper);
  }

  /** As above, for an entity whose FROM takes parameters itself ({@code fromParams}, bound first). */
  public static <T> List<T> query(JdbcClient db, QueryPlan plan, List<Object> fromParams, String fixed,
      List<Object> fixedParams, RowMapper<T> mapper) {
    Where w = where(plan, fixed, fixedParams);
    List<Object> params = new ArrayList<>(fromParams);
    params.addAll(w.params);
    // nopaging still stops one row past the most it answers, so a client can't have a million rows rendered.
    params.add(plan.limit() != null ? plan.limit() : NOPAGING_MAX + 1);
    params.add(plan.offset());
    List<T> rows = db.sql("SELECT * FROM " + plan.entity().from() + w.sql + plan.orderByClause()
        + " LIMIT ? OFFSET ?").params(params).query(mapper).list();
    if (plan.limit() == null && rows.size() > NOPAGING_MAX) {
      throw tooManyForNoPaging();
    }
    return rows;
  }

  /**
   * For each of {@code parentIds}, its first {@code limit} rows of {@code SELECT select WHERE where orderBy}, in
   * one query: a LATERAL subquery per parent, in which {@code where} names the parent as {@code k.parent_id}
   * (so each parent's rows come from its own index range). Parents without rows map to an empty list.
   */
  public static <T> java.util.Map<Long, List<T>> perParent(JdbcClient db, List<Long> parentIds, String select,
      SqlFragment where, String orderBy, int limit, RowMapper<T> mapper) {
    java.util.Map<Long, List<T>> out = new java.util.LinkedHashMap<>();
    parentIds.forEach(id -> out.put(id, new ArrayList<>()));
    if (parentIds.isEmpty()) {
      return out;
    }
    List<Object> params = new ArrayList<>();
    // One parent (Loans(id)) as one value, not an array: PostgreSQL then plans the prepared statement once and
    // reuses it, where an array parameter of unknown length gets a new plan on every execution.
    boolean one = parentIds.size() == 1;
    params.add(one ? parentIds.get(0) : parentIds.toArray(Long[]::new));
    params.addAll(where.params());
    params.add(limit);
    db.sql("SELECT k.parent_id AS lateral_parent_id, x.* FROM " + (one ? "(VALUES (?::bigint))" : "unnest(?::bigint[])")
            + " AS k(parent_id) CROSS JOIN LATERAL"
            + " (SELECT " + select + " WHERE " + where.sql() + orderBy + " LIMIT ?) x")
        .params(params)
        .query((rs, n) -> out.get(rs.getLong(1)).add(mapper.mapRow(rs, n))).list(); // 1: lateral_parent_id
    return out;
  }

  /** The most rows {@code nopaging} answers (more than any loan's daily archive over a 50-year term). */
  public static final int NOPAGING_MAX = 20_000;

  public static InvalidInputException tooManyForNoPaging() {
    return new InvalidInputException("nopaging answers at most " + NOPAGING_MAX + " rows and this query matches "
        + "more: page with $top and $skip, or narrow it with $filter");
  }

  /** With the fixed condition as one fragment, which may be null (none). */
  public static <T> List<T> query(JdbcClient db, QueryPlan plan, SqlFragment fixed, RowMapper<T> mapper) {
    return fixed == null ? query(db, plan, null, List.of(), mapper) : query(db, plan, fixed.sql(), fixed.params(), mapper);
  }

  /**
   * {@code summary.total} for a page of {@code rows} rows: counted only when the page cannot tell (it is full,
   * or empty past the end), so a filter that finds a few rows costs one query, not two.
   */
  public static long total(JdbcClient db, QueryPlan plan, SqlFragment fixed, int rows) {
    OptionalLong known = plan.totalFromPage(rows);
    return known.isPresent() ? known.getAsLong() : count(db, plan, fixed);
  }

  public static long count(JdbcClient db, QueryPlan plan, SqlFragment fixed) {
    return fixed == null ? count(db, plan, null, List.of()) : count(db, plan, fixed.sql(), fixed.params());
  }

  public static long count(JdbcClient db, QueryPlan plan, String fixed, List<Object> fixedParams) {
    return count(db, plan, List.of(), fixed, fixedParams);
  }

  public static long count(JdbcClient db, QueryPlan plan, List<Object> fromParams, String fixed,
      List<Object> fixedParams) {
    Where w = where(plan, fixed, fixedParams);
    List<Object> params = new ArrayList<>(fromParams);
    params.addAll(w.params);
    return db.sql("SELECT count(*) FROM " + plan.entity().from() + w.sql).params(params).query(Long.class).single();
  }

  private static Where where(QueryPlan plan, String fixed, List<Object> fixedParams) {
    SqlFragment f = plan.where();
    List<Object> params = new ArrayList<>(fixedParams);
    if (fixed == null) {
      return new Where(plan.whereClause().sql(), plan.whereClause().params());
    }
    if (f.isEmpty()) {
      return new Where(" WHERE " + fixed, params);
    }
    params.addAll(f.params());
    return new Where(" WHERE " + fixed + " AND (" + f.sql() + ")", params);
  }

  private record Where(String sql, List<Object> params) {}
}
