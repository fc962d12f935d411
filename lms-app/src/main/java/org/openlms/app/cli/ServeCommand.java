package org.openlms.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openlms.app.LmsApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lms serve}: runs the server on the embedded PostgreSQL, or on the one given by URL. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the server (embedded PostgreSQL unless --db-url or LMS_DB_URL is given).")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--port", description = "HTTP port (default 8080, or LMS_PORT)")
  Integer port;

  @Option(names = "--home", description = "Data directory (default ./data, or LMS_HOME)")
  String home;

  @Option(names = "--db-url", description = "JDBC URL of the control database on an external server")
  String dbUrl;

  @Option(names = "--db-user", description = "User for --db-url")
  String dbUser;

  @Option(names = "--db-password", description = "Password for --db-url (prefer LMS_DB_PASSWORD)")
  String dbPassword;

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>();
    add(args, "server.port", port == null ? null : port.toString());
    add(args, "lms.home", home);
    add(args, "lms.db.url", dbUrl);
    add(args, "lms.db.user", dbUser);
    add(args, "lms.db.password", dbPassword);
    LmsApplication.start(args.toArray(String[]::new));
    return LmsCommand.KEEP_RUNNING;
  }

  private static void add(List<String> args, String key, String value) {
    if (value != null) {
      args.add("--" + key + "=" + value);
    }
  }
}
