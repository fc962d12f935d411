package org.openlms.app.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openlms.app.api.odata.query.QueryPlan;
import org.openlms.app.api.odata.query.SqlFragment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code dm_stats_entity} of one tenant's database (the caller passes the tenant's JdbcClient). */
@Repository
public class DmStatsRepository {

  /** The rows a validated OData plan asks for: its condition, order and page, all parameterised. */
  public List<DmStats> find(JdbcClient db, QueryPlan plan) {
    SqlFragment where = plan.whereClause();
    String page = plan.limit() == null ? " OFFSET ?" : " LIMIT ? OFFSET ?";
    var params = new java.util.ArrayList<Object>(where.params());
    if (plan.limit() != null) {
      params.add(plan.limit());
    }
    params.add(plan.offset());
    return db.sql("SELECT * FROM dm_stats_entity" + where.sql() + plan.orderByClause() + page)
        .params(params).query(DmStatsRepository::map).list();
  }

  public long count(JdbcClient db, QueryPlan plan) {
    SqlFragment count = plan.countQuery();
    return db.sql(count.sql()).params(count.params()).query(Long.class).single();
  }

  static DmStats map(ResultSet rs, int row) throws SQLException {
    return new DmStats(rs.getLong("id"), rs.getDate("date").toLocalDate(), rs.getString("kind"),
        instant(rs, "queued"), instant(rs, "in_progress"), instant(rs, "completed"),
        instant(rs, "warning_flags_evaluation"), instant(rs, "stoplight_evaluation"),
        instant(rs, "reverse_calc_completed"), rs.getLong("total_loans"), rs.getLong("maintained_loans"),
        rs.getLong("failed_loans"));
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }
}
