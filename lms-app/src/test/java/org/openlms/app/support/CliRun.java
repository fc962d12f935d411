package org.openlms.app.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openlms.app.cli.LmsCommand;
import tools.jackson.databind.JsonNode;

/**
 * Runs an {@code lms} command in this JVM against a test server, as an operator would from a shell, and
 * captures its exit code and output. Log lines of the in-process server share stdout and are left out of
 * {@link #json()}.
 */
public record CliRun(int code, String out, String err) {

  public static CliRun withToken(LmsTestServer server, String adminToken, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", server.http().base(), "--admin-token", adminToken));
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = LmsCommand.run(all.toArray(String[]::new));
      return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  public static CliRun lms(LmsTestServer server, String... args) {
    return withToken(server, LmsTestServer.ADMIN_TOKEN, args);
  }

  public JsonNode json() {
    return Http.JSON.readTree(out.lines().filter(l -> !l.matches("^\\d{4}-\\d{2}-\\d{2}T.*"))
        .reduce("", (a, b) -> a + b + "\n"));
  }
}
