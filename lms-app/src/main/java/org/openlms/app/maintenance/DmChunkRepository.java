package org.openlms.app.maintenance;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** {@code dm_chunk}: planning, claiming with a lease, heartbeats and completion, in the caller's transaction. */
@Repository
public class DmChunkRepository {

  /**
   * Writes the run's eligible loans as chunks of {@code size} consecutive eligible ids, numbered from 0, in
   * one statement; returns the chunks' loan total.
   */
  long plan(Tx tx, DmRun run, int size, java.time.Instant plannedAt) {
    Object[] p = Eligibility.params(run, plannedAt);
    tx.sql().sql("""
            INSERT INTO dm_chunk (run_id, seq, first_loan_id, last_loan_id, loan_count)
            SELECT ?, grp, min(id), max(id), count(*) FROM (
              SELECT l.id, (row_number() OVER (ORDER BY l.id) - 1) / ? AS grp FROM loan l
              WHERE\s""" + Eligibility.LOAN_IS_ELIGIBLE + """
            ) s GROUP BY grp ORDER BY grp""")
        .params(run.id(), size, p[0], p[1], p[2]).update();
    return tx.sql().sql("SELECT coalesce(sum(loan_count), 0) FROM dm_chunk WHERE run_id = ?").param(run.id())
        .query(Long.class).single();
  }

  int count(Tx tx, long runId) {
    return tx.sql().sql("SELECT count(*) FROM dm_chunk WHERE run_id = ?").param(runId).query(Integer.class).single();
  }

  /**
   * Locks the next chunk of an in-progress run that is pending or whose lease expired (the database's
   * clock decides, shared by every node), skipping chunks other workers hold.
   */
  Optional<DmChunk> lockClaimable(Tx tx) {
    return tx.sql().sql("""
            SELECT c.* FROM dm_chunk c JOIN dm_run r ON r.id = c.run_id
            WHERE r.state = 'in_progress'
              AND (c.state = 'pending' OR (c.state = 'claimed' AND c.lease_until < now()))
            ORDER BY r.date, c.seq LIMIT 1 FOR UPDATE OF c SKIP LOCKED""")
        .query(DmChunkRepository::map).optional();
  }

  DmChunk lease(Tx tx, long chunkId, String owner, java.time.Duration lease) {
    return tx.sql().sql("""
            UPDATE dm_chunk SET state = 'claimed', lease_owner = ?, heartbeat = now(),
                lease_until = now() + make_interval(secs => ?), attempts = attempts + 1
            WHERE id = ? RETURNING *""")
        .params(owner, lease.toMillis() / 1000.0, chunkId).query(DmChunkRepository::map).single();
  }

  /** Extends the lease while the owner works; false when the chunk is no longer this owner's. */
  boolean heartbeat(Tx tx, long chunkId, String owner, java.time.Duration lease) {
    return tx.sql().sql("""
            UPDATE dm_chunk SET heartbeat = now(), lease_until = now() + make_interval(secs => ?)
            WHERE id = ? AND state = 'claimed' AND lease_owner = ?""")
        .params(lease.toMillis() / 1000.0, chunkId, owner).update() == 1;
  }

  /** Marks the chunk done with its counts if this owner still holds it; false if the lease was lost. */
  boolean markDone(Tx tx, long chunkId, String owner, int maintained, int failed) {
    return tx.sql().sql("""
            UPDATE dm_chunk SET state = 'done', done_at = now(), maintained_count = ?, failed_count = ?,
                lease_until = NULL
            WHERE id = ? AND state = 'claimed' AND lease_owner = ?""")
        .params(maintained, failed, chunkId, owner).update() == 1;
  }

  /** Gives the chunk back after its transaction failed, so that it is retried at once. */
  void release(Tx tx, long chunkId, String owner, String error) {
    tx.sql().sql("""
            UPDATE dm_chunk SET state = 'pending', lease_owner = NULL, lease_until = NULL, last_error = ?
            WHERE id = ? AND state = 'claimed' AND lease_owner = ?""")
        .params(error, chunkId, owner).update();
  }

  /** Gives up a chunk that failed too often: its loans count as failed and stay unmaintained. */
  void giveUp(Tx tx, DmChunk c, String error) {
    tx.sql().sql("""
            UPDATE dm_chunk SET state = 'failed', done_at = now(), failed_count = loan_count, lease_owner = NULL,
                lease_until = NULL, last_error = coalesce(last_error, '') || ?
            WHERE id = ?""")
        .params(error, c.id()).update();
  }

  boolean hasOpenChunks(Tx tx, long runId) {
    return tx.sql().sql("SELECT EXISTS (SELECT 1 FROM dm_chunk WHERE run_id = ? AND state IN ('pending', 'claimed'))")
        .param(runId).query(Boolean.class).single();
  }

  /** Done chunks, maintained loans, failed loans and failed chunks of the run. */
  long[] totals(Tx tx, long runId) {
    return tx.sql().sql("""
            SELECT count(*) FILTER (WHERE state = 'done'), coalesce(sum(maintained_count), 0),
                   coalesce(sum(failed_count), 0), count(*) FILTER (WHERE state = 'failed')
            FROM dm_chunk WHERE run_id = ?""")
        .param(runId).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
        .single();
  }

  List<DmChunk> ofRun(Tx tx, long runId) {
    return tx.sql().sql("SELECT * FROM dm_chunk WHERE run_id = ? ORDER BY seq").param(runId)
        .query(DmChunkRepository::map).list();
  }

  static DmChunk map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new DmChunk(rs.getLong("id"), rs.getLong("run_id"), rs.getInt("seq"), rs.getLong("first_loan_id"),
        rs.getLong("last_loan_id"), rs.getInt("loan_count"), rs.getString("state"), rs.getString("lease_owner"),
        rs.getInt("attempts"));
  }
}
