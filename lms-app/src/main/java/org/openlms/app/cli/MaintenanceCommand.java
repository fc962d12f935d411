package org.openlms.app.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code lms maintenance run|report}. Both call the running server's admin API: {@code run} queues a run
 * and follows it by polling its counts (the server's workers, on any node, do the work).
 */
@Command(name = "maintenance", mixinStandardHelpOptions = true, description = "Run daily maintenance and report on it.",
    subcommands = {MaintenanceCommand.Run.class, MaintenanceCommand.Report.class})
final class MaintenanceCommand {

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run daily maintenance for a tenant now, with a progress bar. Exits 0 only if the run "
          + "completed and every loan was maintained; 1 if it failed or loans failed; 3 on timeout.")
  static final class Run implements Callable<Integer> {
    @Mixin AdminClient client;

    @Option(names = "--tenant", required = true, description = "Tenant id")
    long tenant;

    @Option(names = "--date", description = "Business date YYYY-MM-DD (default: the company's today)")
    String date;

    @Option(names = "--timeout", defaultValue = "3600", description = "Seconds to wait (default ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
      try {
        Map<String, Object> body = new LinkedHashMap<>();
        TenantCommand.putIf(body, "date", date);
        AdminClient.Answer queued = client.send("POST", "/tenants/" + tenant + "/maintenance/runs", body);
        if (queued.status() != 200) {
          System.err.println(AdminClient.pretty(queued.body()));
          return 1;
        }
        JsonNode run = follow(queued.body().get("d"));
        System.out.println(AdminClient.pretty(run));
        if (!isFinished(run)) {
          System.err.println("Timed out after " + timeoutSeconds + " s; the run goes on in the server.");
          return 3;
        }
        boolean ok = "completed".equals(run.get("state").asString()) && run.get("failedLoans").asLong() == 0;
        if (!ok) {
          System.err.println("Daily maintenance " + run.get("date").asString() + " " + run.get("state").asString()
              + " with " + run.get("failedLoans").asLong() + " failed loan(s)");
        }
        return ok ? 0 : 1;
      } catch (IOException e) {
        System.err.println(client.unreachable(e));
        return 2;
      }
    }

    private JsonNode follow(JsonNode run) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
      long hintAt = System.nanoTime() + 15_000_000_000L;
      String path = "/tenants/" + tenant + "/maintenance/runs/" + run.get("date").asString();
      try (ProgressBar bar = bar(run.get("date").asString())) {
        while (true) {
          long total = run.get("totalLoans").asLong();
          if (total > 0) {
            bar.maxHint(total);
          }
          bar.stepTo(run.get("maintainedLoans").asLong() + run.get("failedLoans").asLong());
          bar.setExtraMessage(run.get("state").asString());
          if (isFinished(run) || System.nanoTime() > deadline) {
            bar.refresh();
            return run;
          }
          if ("queued".equals(run.get("state").asString()) && hintAt > 0 && System.nanoTime() > hintAt) {
            System.err.println("The run is still queued: is a node with workers running (lms.maintenance.workers > 0), "
                + "and has the tenant's previous run finished?");
            hintAt = 0;
          }
          Thread.sleep(250);
          AdminClient.Answer a = client.send("GET", path, null);
          if (a.status() != 200) {
            throw new IOException("progress request answered " + a.status() + ": " + a.body());
          }
          run = a.body().get("d");
        }
      }
    }

    private static ProgressBar bar(String date) {
      ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("Daily maintenance " + date).setInitialMax(-1)
          .setUnit(" loans", 1);
      b.setConsumer(System.console() != null ? new ConsoleProgressBarConsumer(System.err)
          : new DelegatingProgressBarConsumer(System.err::println, 100));
      return b.build();
    }

    private static boolean isFinished(JsonNode run) {
      String state = run.get("state").asString();
      return "completed".equals(state) || "failed".equals(state);
    }
  }

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Print the month's daily maintenance report (times in the company's time zone).")
  static final class Report implements Callable<Integer> {
    @Mixin AdminClient client;

    @Option(names = "--tenant", required = true, description = "Tenant id")
    long tenant;

    @Option(names = "--month", required = true, description = "YYYY-MM")
    String month;

    @Override
    public Integer call() throws InterruptedException {
      try {
        AdminClient.Answer a = client.send("GET", "/tenants/" + tenant + "/maintenance/report?month="
            + java.net.URLEncoder.encode(month, java.nio.charset.StandardCharsets.UTF_8), null);
        if (a.status() != 200) {
          System.err.println(AdminClient.pretty(a.body()));
          return 1;
        }
        System.out.print(MaintenanceReportFormat.format(a.body().get("d")));
        return 0;
      } catch (IOException e) {
        System.err.println(client.unreachable(e));
        return 2;
      }
    }
  }
}
