package org.openlms.app.tenancy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.openlms.app.LmsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server of the control database: an external one given by URL, or an embedded PostgreSQL whose data
 * directory lives under the LMS home and survives restarts. Either way the rest of the system only sees a
 * {@link DatabaseServer} and a database name, so both take the same code paths.
 */
public final class ControlServer implements AutoCloseable {

  public static final String EMBEDDED_CONTROL_DB = "lms_control";
  private static final Logger log = LoggerFactory.getLogger(ControlServer.class);

  private final DatabaseServer server;
  private final String database;
  private final EmbeddedPostgres embedded;

  private ControlServer(DatabaseServer server, String database, EmbeddedPostgres embedded) {
    this.server = server;
    this.database = database;
    this.embedded = embedded;
  }

  public static ControlServer start(LmsProperties props) {
    LmsProperties.Db db = props.db();
    if (!db.embedded()) {
      DatabaseServer.Located at = DatabaseServer.parse(db.url(), db.user(), db.password());
      try {
        ensureDatabase(at.server(), at.database());
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot reach or create the control database "
            + at.server().jdbcUrl(at.database()) + ": " + e.getMessage(), e);
      }
      log.info("Control database: {} (external)", at.server().jdbcUrl(at.database()));
      return new ControlServer(at.server(), at.database(), null);
    }
    Path dataDir = props.home().resolve("postgres").toAbsolutePath();
    try {
      Files.createDirectories(dataDir.getParent());
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setPort(db.port())
          // Every tenant gets its own pool; the default 100 connections is too tight for a dozen tenants.
          .setServerConfig("max_connections", "300")
          // Daily maintenance reads and writes every loan's state and archive row each night: the default
          // 128 MB of buffers is far below a million loans' working set, and frequent checkpoints slow bulk writes.
          .setServerConfig("shared_buffers", "1GB")
          .setServerConfig("max_wal_size", "4GB")
          .start();
      DatabaseServer server =
          new DatabaseServer("jdbc:postgresql://localhost:" + pg.getPort(), "", "postgres", null);
      ensureDatabase(server, EMBEDDED_CONTROL_DB);
      log.info("Control database: {} (embedded, data in {})", server.jdbcUrl(EMBEDDED_CONTROL_DB), dataDir);
      return new ControlServer(server, EMBEDDED_CONTROL_DB, pg);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDir + ": "
          + e.getMessage(), e);
    }
  }

  /** Creates {@code name} on the server unless it exists. The name is ours, never user input. */
  static void ensureDatabase(DatabaseServer server, String name) throws SQLException {
    try (Connection c = server.connect("postgres");
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + quoteIdentifier(name));
      }
    }
  }

  static String quoteIdentifier(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("Unsafe database name: " + name);
    }
    return "\"" + name + "\"";
  }

  public DatabaseServer server() {
    return server;
  }

  public String database() {
    return database;
  }

  public boolean embedded() {
    return embedded != null;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
