package org.openlms.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openlms.app.LmsApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code lms worker}: a daily maintenance node without the HTTP API. It runs the nightly trigger and
 * workers against the shared control database (and the tenant databases it lists); start as many as
 * needed, next to or instead of {@code lms serve}. It needs an external database: an embedded one would
 * be private to the process. Extra {@code --lms.*} settings (workers, chunk size, lease) pass through.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
    description = "Run a daily maintenance node (no HTTP API) against a shared database (--db-url or LMS_DB_URL).")
final class WorkerCommand implements Callable<Integer> {

  @Option(names = "--home", description = "Data directory (default ./data, or LMS_HOME)")
  String home;

  @Option(names = "--db-url", description = "JDBC URL of the control database (or LMS_DB_URL)")
  String dbUrl;

  @Option(names = "--db-user", description = "User for --db-url")
  String dbUser;

  @Option(names = "--db-password", description = "Password for --db-url (prefer LMS_DB_PASSWORD)")
  String dbPassword;

  @Unmatched
  List<String> settings = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    String url = dbUrl != null ? dbUrl : System.getenv("LMS_DB_URL");
    if (url == null || url.isBlank()) {
      System.err.println("lms worker needs the shared database: pass --db-url or set LMS_DB_URL");
      return 1;
    }
    List<String> args = new ArrayList<>();
    args.add("--spring.main.web-application-type=none");
    args.add("--lms.demo.enabled=false");
    args.add("--lms.db.url=" + url);
    if (home != null) {
      args.add("--lms.home=" + home);
    }
    if (dbUser != null) {
      args.add("--lms.db.user=" + dbUser);
    }
    if (dbPassword != null) {
      args.add("--lms.db.password=" + dbPassword);
    }
    for (String s : settings) {
      if (!s.startsWith("--lms.")) {
        System.err.println("Unknown option " + s + " (only --lms.* settings pass through)");
        return 1;
      }
      args.add(s);
    }
    ConfigurableApplicationContext ctx = LmsApplication.start(args.toArray(String[]::new));
    while (ctx.isActive()) { // the node's threads are daemons: this thread keeps the process alive
      Thread.sleep(1000);
    }
    return 0;
  }
}
