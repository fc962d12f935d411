package org.openlms.app.maintenance;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One transaction on a tenant database: plain JDBC on one connection, so the tenant is always explicit
 * (no transaction bound to the thread). {@code sql} for statements, {@code jdbc} for batches.
 */
record Tx(JdbcClient sql, JdbcTemplate jdbc) {

  interface Work<T> {
    T run(Tx tx) throws Exception;
  }

  static <T> T run(DataSource db, Work<T> work) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        SingleConnectionDataSource one = new SingleConnectionDataSource(c, true);
        T result = work.run(new Tx(JdbcClient.create(one), new JdbcTemplate(one)));
        c.commit();
        return result;
      } catch (RuntimeException | Error e) {
        c.rollback();
        throw e;
      } catch (Exception e) {
        c.rollback();
        throw new TxFailed(e);
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new TxFailed(e);
    }
  }

  /** A checked failure inside a transaction, after rollback. */
  static final class TxFailed extends RuntimeException {
    TxFailed(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }
}
