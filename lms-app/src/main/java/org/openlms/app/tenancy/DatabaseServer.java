package org.openlms.app.tenancy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server that holds databases: the control server or a dedicated tenant server.
 * {@code baseUrl} is a JDBC URL without the database name ({@code jdbc:postgresql://host:port}), and
 * {@code params} the query part, if any, kept so TLS and other driver settings carry over.
 */
public record DatabaseServer(String baseUrl, String params, String user, String password) {

  private static final Pattern JDBC_URL =
      Pattern.compile("^(jdbc:postgresql://[^/?]+)(?:/([^?]*))?(\\?.*)?$");

  /** Splits a full JDBC URL into its server part and database name. */
  public static Located parse(String jdbcUrl, String user, String password) {
    Matcher m = JDBC_URL.matcher(jdbcUrl == null ? "" : jdbcUrl.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Not a PostgreSQL JDBC URL (expected jdbc:postgresql://host:port/database): " + jdbcUrl);
    }
    String db = m.group(2) == null || m.group(2).isBlank() ? "postgres" : m.group(2);
    String params = m.group(3) == null ? "" : m.group(3);
    return new Located(new DatabaseServer(m.group(1), params, user, password), db);
  }

  public String jdbcUrl(String database) {
    return baseUrl + "/" + database + params;
  }

  public Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    props.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(jdbcUrl(database), props);
  }

  /** A server plus one database on it. */
  public record Located(DatabaseServer server, String database) {}
}
