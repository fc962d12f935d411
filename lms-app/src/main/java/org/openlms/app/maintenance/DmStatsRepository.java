package org.openlms.app.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openlms.app.api.odata.query.QueryPlan;
import org.openlms.app.api.odata.ODataRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code dm_stats_entity} of one tenant's database (the caller passes the tenant's JdbcClient). */
@Repository
public class DmStatsRepository {

  /** The rows a validated OData plan asks for: its condition, order and page, all parameterised. */
  public List<DmStats> find(JdbcClient db, QueryPlan plan) {
    return ODataRows.query(db, plan, null, List.of(), DmStatsRepository::map);
  }

  public long count(JdbcClient db, QueryPlan plan) {
    return ODataRows.count(db, plan, null, List.of());
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
