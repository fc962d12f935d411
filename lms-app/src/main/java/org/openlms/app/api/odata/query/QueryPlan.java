package org.openlms.app.api.odata.query;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A validated query over one entity, ready for a repository. {@link #selectQuery()} and {@link #countQuery()}
 * give complete statements; the parts are exposed for repositories that assemble their own (e.g. with joins).
 *
 * @param select  the properties to return, in order
 * @param where   the condition without the WHERE keyword; empty when there is no $filter
 * @param orderBy the sort keys the client asked for ({@link #orderByClause()} adds the key as tie-breaker)
 * @param limit   the page size, or null for no limit ({@code nopaging})
 * @param offset  rows to skip ({@code $skip} or {@code $start}); also {@code summary.start}
 * @param expand  validated navigation paths to load for each row
 */
public record QueryPlan(ODataEntity entity, List<ODataProperty> select, SqlFragment where, List<OrderKey> orderBy,
    Integer limit, int offset, List<ExpandPath> expand) {

  public QueryPlan {
    select = List.copyOf(select);
    orderBy = List.copyOf(orderBy);
    expand = List.copyOf(expand);
  }

  /** {@code " WHERE ..."} or empty. */
  public SqlFragment whereClause() {
    return where.isEmpty() ? SqlFragment.empty() : SqlFragment.concat(" WHERE ", where);
  }

  /** {@code " ORDER BY ..."}, ending with the key column so that pages do not overlap or skip rows. */
  public String orderByClause() {
    List<String> keys = new ArrayList<>();
    orderBy.forEach(k -> keys.add(k.sql()));
    boolean keyed = orderBy.stream().anyMatch(k -> k.property().column().equals(entity.keyColumn()));
    if (!keyed) {
      keys.add(entity.keyColumn() + " ASC");
    }
    return " ORDER BY " + String.join(", ", keys);
  }

  /** {@code SELECT <columns AS "name"> FROM ... WHERE ... ORDER BY ... [LIMIT ?] OFFSET ?}. */
  public SqlFragment selectQuery() {
    String columns = select.stream().map(p -> p.sqlExpression() + " AS \"" + p.name() + "\"")
        .collect(Collectors.joining(", "));
    SqlFragment base = SqlFragment.concat("SELECT " + columns + " FROM " + entity.from(), whereClause(),
        orderByClause());
    SqlFragment page = limit == null ? new SqlFragment(" OFFSET ?", List.of(offset))
        : new SqlFragment(" LIMIT ? OFFSET ?", List.of(limit, offset));
    return SqlFragment.concat(base, page);
  }

  /**
   * LoanPro's collection {@code summary} ({@code {"start":0,"pageSize":50,"total":6}}) for a count from
   * {@link #countQuery()}. Without a limit the page is everything, so pageSize is the total (an inference).
   */
  public PageSummary summary(long total) {
    return new PageSummary(offset, limit == null ? total : limit, total);
  }

  public record PageSummary(int start, long pageSize, long total) {
  }

  /**
   * The total when a page of {@code rows} tells it without a count: a page shorter than the limit (or with no
   * limit) is the last one, so unless it is empty past the end, the total is its start plus its rows.
   */
  public OptionalLong totalFromPage(int rows) {
    boolean last = limit == null || rows < limit;
    return last && (rows > 0 || offset == 0) ? OptionalLong.of((long) offset + rows) : OptionalLong.empty();
  }

  /** {@code SELECT count(*) FROM ... WHERE ...}, for {@code summary.total}. */
  public SqlFragment countQuery() {
    return SqlFragment.concat("SELECT count(*) FROM " + entity.from(), whereClause());
  }
}
