package org.openlms.app.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** {@code dm_run} and the matching {@code dm_stats_entity} row, always inside the caller's transaction. */
@Repository
public class DmRunRepository {

  static final String LOANS = "loan";

  /** The blank event: a queued run for the date, unless one exists (the unique key makes it once per date). */
  Optional<DmRun> insertQueued(Tx tx, LocalDate date, String trigger, Instant at) {
    Optional<DmRun> run = tx.sql().sql("""
            INSERT INTO dm_run (date, kind, state, trigger, queued_at) VALUES (?, ?, 'queued', ?, ?)
            ON CONFLICT (date, kind) DO NOTHING RETURNING *""")
        .params(date, LOANS, trigger, ts(at)).query(DmRunRepository::map).optional();
    run.ifPresent(r -> tx.sql().sql("""
            INSERT INTO dm_stats_entity (date, kind, queued) VALUES (?, ?, ?)
            ON CONFLICT (date, kind) DO UPDATE SET queued = EXCLUDED.queued""")
        .params(date, LOANS, ts(at)).update());
    return run;
  }

  Optional<DmRun> find(Tx tx, LocalDate date) {
    return tx.sql().sql("SELECT * FROM dm_run WHERE date = ? AND kind = ?").params(date, LOANS)
        .query(DmRunRepository::map).optional();
  }

  Optional<DmRun> find(Tx tx, long runId) {
    return tx.sql().sql("SELECT * FROM dm_run WHERE id = ?").param(runId).query(DmRunRepository::map).optional();
  }

  Optional<LocalDate> lastDate(Tx tx) {
    return tx.sql().sql("SELECT max(date) FROM dm_run WHERE kind = ?").param(LOANS)
        .query((rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate()).optional();
  }

  /**
   * Locks the oldest queued run whose earlier runs have all finished (catch-up runs oldest first), skipping
   * one another node is planning right now.
   */
  Optional<DmRun> lockNextQueued(Tx tx) {
    return tx.sql().sql("""
            SELECT * FROM dm_run r WHERE r.kind = ? AND r.state = 'queued'
              AND NOT EXISTS (SELECT 1 FROM dm_run e WHERE e.kind = r.kind AND e.date < r.date
                              AND e.state IN ('queued', 'in_progress'))
            ORDER BY r.date LIMIT 1 FOR UPDATE SKIP LOCKED""")
        .param(LOANS).query(DmRunRepository::map).optional();
  }

  Optional<DmRun> lockInProgress(Tx tx, long runId) {
    return tx.sql().sql("SELECT * FROM dm_run WHERE id = ? AND state = 'in_progress' FOR UPDATE")
        .param(runId).query(DmRunRepository::map).optional();
  }

  List<DmRun> open(Tx tx) {
    return tx.sql().sql("SELECT * FROM dm_run WHERE kind = ? AND state IN ('queued', 'in_progress') ORDER BY date")
        .param(LOANS).query(DmRunRepository::map).list();
  }

  List<DmRun> awaitingReverseCalc(Tx tx) {
    return tx.sql().sql("""
            SELECT r.* FROM dm_run r JOIN dm_stats_entity s ON s.date = r.date AND s.kind = r.kind
            WHERE r.kind = ? AND r.state IN ('completed', 'failed') AND s.reverse_calc_completed IS NULL
            ORDER BY r.date""")
        .param(LOANS).query(DmRunRepository::map).list();
  }

  void markInProgress(Tx tx, DmRun run, long totalLoans, int chunks, Instant at) {
    tx.sql().sql("UPDATE dm_run SET state = 'in_progress', started_at = ?, total_loans = ?, chunk_count = ? WHERE id = ?")
        .params(ts(at), totalLoans, chunks, run.id()).update();
    tx.sql().sql("UPDATE dm_stats_entity SET in_progress = ?, total_loans = ? WHERE date = ? AND kind = ?")
        .params(ts(at), totalLoans, run.date(), run.kind()).update();
  }

  void markFinished(Tx tx, DmRun run, RunState state, long maintained, long failed, String detail, Instant at) {
    tx.sql().sql("UPDATE dm_run SET state = ?, completed_at = ?, detail = ? WHERE id = ?")
        .params(state.code(), ts(at), detail, run.id()).update();
    tx.sql().sql("UPDATE dm_stats_entity SET completed = ?, maintained_loans = ?, failed_loans = ? WHERE date = ? AND kind = ?")
        .params(ts(at), maintained, failed, run.date(), run.kind()).update();
  }

  /** Stamps one of the after-the-run times ({@code stoplight_evaluation}, ...) of the run's statistics row. */
  void stamp(Tx tx, DmRun run, StatsStamp column, Instant at) {
    tx.sql().sql("UPDATE dm_stats_entity SET " + column.column + " = ? WHERE date = ? AND kind = ?")
        .params(ts(at), run.date(), run.kind()).update();
  }

  /** The statistics columns stamped after the run; an enum so that no text reaches the SQL. */
  enum StatsStamp {
    WARNING_FLAGS("warning_flags_evaluation"), STOPLIGHTS("stoplight_evaluation"),
    REVERSE_CALC("reverse_calc_completed");

    final String column;

    StatsStamp(String column) {
      this.column = column;
    }
  }

  static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  static DmRun map(ResultSet rs, int row) throws SQLException {
    return new DmRun(rs.getLong("id"), rs.getDate("date").toLocalDate(), rs.getString("kind"),
        RunState.fromCode(rs.getString("state")), rs.getString("trigger"), instant(rs, "queued_at"),
        instant(rs, "started_at"), instant(rs, "completed_at"), rs.getLong("total_loans"),
        rs.getInt("chunk_count"), rs.getString("detail"));
  }

  static Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }
}
