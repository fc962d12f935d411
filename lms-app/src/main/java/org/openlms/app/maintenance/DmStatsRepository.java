package org.openlms.app.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code dm_stats_entity} of one tenant's database (the caller passes the tenant's pool). */
@Repository
public class DmStatsRepository {

  public List<DmStats> page(DataSource tenantDb, int limit, int offset) {
    return JdbcClient.create(tenantDb)
        .sql("SELECT * FROM dm_stats_entity ORDER BY date, id LIMIT ? OFFSET ?")
        .params(limit, offset).query(DmStatsRepository::map).list();
  }

  public long count(DataSource tenantDb) {
    return JdbcClient.create(tenantDb).sql("SELECT count(*) FROM dm_stats_entity").query(Long.class).single();
  }

  static DmStats map(ResultSet rs, int row) throws SQLException {
    return new DmStats(rs.getLong("id"), rs.getDate("date").toLocalDate(), rs.getString("kind"),
        instant(rs, "queued"), instant(rs, "in_progress"), instant(rs, "completed"),
        instant(rs, "warning_flags_evaluation"), instant(rs, "stoplight_evaluation"),
        instant(rs, "reverse_calc_completed"), rs.getLong("total_loans"), rs.getLong("maintained_loans"),
        rs.getLong("failed_loans"));
  }

  private static java.time.Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }
}
