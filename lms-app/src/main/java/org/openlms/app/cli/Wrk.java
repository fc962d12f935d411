package org.openlms.app.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code wrk} HTTP benchmark tool and reads its report. {@link #installed()} installs Debian's
 * {@code wrk} package with apt-get when it is missing, so a fresh machine needs nothing done by hand.
 */
final class Wrk {

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
      Pattern.MULTILINE);
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET = Pattern.compile(
      "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");

  private final String executable;

  private Wrk(String executable) {
    this.executable = executable;
  }

  /** wrk from the PATH, installed first with apt-get (through sudo unless root) when it is not there. */
  static Wrk installed() throws IOException, InterruptedException {
    String found = onPath("wrk");
    if (found == null) {
      System.err.println("wrk is not installed: installing Debian's wrk package with apt-get");
      List<String> sudo = "root".equals(System.getProperty("user.name")) ? List.of() : List.of("sudo");
      if (exec(concat(sudo, "apt-get", "install", "-y", "wrk")) != 0) {
        exec(concat(sudo, "apt-get", "update"));
        exec(concat(sudo, "apt-get", "install", "-y", "wrk"));
      }
      found = onPath("wrk");
      if (found == null) {
        throw new IllegalStateException("wrk could not be installed with apt-get; install it and run again");
      }
    }
    return new Wrk(found);
  }

  /** One wrk run with {@code --latency}; the script gets {@code mode} and {@code args} after {@code --}. */
  Result run(String url, Path script, String mode, List<String> args, int threads, int connections, int seconds)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(executable, "-t" + threads, "-c" + connections, "-d" + seconds + "s",
        "--timeout", "10s", "--latency", "-s", script.toString(), url, "--", mode));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("wrk failed: " + out);
    }
    return parse(out);
  }

  static Result parse(String out) {
    Matcher rps = RPS.matcher(out);
    Matcher total = TOTAL.matcher(out);
    if (!rps.find() || !total.find()) {
      throw new IllegalStateException("Unexpected wrk output: " + out);
    }
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher m = PERCENTILE.matcher(out);
    while (m.find()) {
      double ms = Double.parseDouble(m.group(2)) * switch (m.group(3)) {
        case "us" -> 0.001;
        case "s" -> 1000;
        default -> 1;
      };
      if (m.group(1).equals("50")) {
        p50 = ms;
      } else {
        p99 = ms;
      }
    }
    long errors = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET.matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    return new Result(Double.parseDouble(rps.group(1)), p50, p99, Long.parseLong(total.group(1)), errors, out);
  }

  /** What one run measured; {@code errors} counts non-2xx answers and socket errors. */
  record Result(double requestsPerSecond, double p50Ms, double p99Ms, long requests, long errors, String raw) {

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("requestsPerSecond", Math.round(requestsPerSecond));
      m.put("p50Ms", p50Ms);
      m.put("p99Ms", p99Ms);
      m.put("requests", requests);
      m.put("errors", errors);
      return m;
    }
  }

  private static String onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private static int exec(List<String> cmd) throws IOException, InterruptedException {
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  private static List<String> concat(List<String> prefix, String... rest) {
    List<String> out = new ArrayList<>(prefix);
    out.addAll(List.of(rest));
    return out;
  }
}
