package org.openlms.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code lms seed --tenant ID --loans N}: realistic generated loans, loaded with COPY, with a progress bar. */
@Command(name = "seed", mixinStandardHelpOptions = true,
    description = "Load N generated loans into a tenant (COPY); prints the totals as JSON.")
final class SeedCommand implements Callable<Integer> {

  @Mixin AdminClient client;

  @Option(names = "--tenant", required = true) long tenant;

  @Option(names = "--loans", required = true) int loans;

  @Option(names = "--seed", description = "Random seed (default 42): the same seed gives the same loans")
  Long seed;

  @Option(names = "--archive-days", description = "Also write each loan's status archive for its last D days "
      + "(default 0: none; a million loans take about 250 bytes a row on disk)")
  Integer archiveDays;

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("loans", loans);
    if (seed != null) {
      body.put("seed", seed);
    }
    if (archiveDays != null) {
      body.put("archiveDays", archiveDays);
    }
    ProgressBar[] bar = new ProgressBar[1];
    JsonNode[] last = new JsonNode[1];
    int code = client.stream("POST", "/tenants/" + tenant + "/seed", body, line -> {
      if (line.has("done")) {
        if (bar[0] == null) {
          bar[0] = new ProgressBarBuilder().setTaskName("Seeding").setInitialMax(line.get("total").asLong())
              .setStyle(ProgressBarStyle.ASCII).setUnit(" rows", 1).build();
        }
        bar[0].stepTo(line.get("done").asLong());
        bar[0].setExtraMessage(line.get("phase").asString());
      } else {
        last[0] = line;
      }
    });
    if (bar[0] != null) {
      bar[0].close();
    }
    if (code != 0) {
      return code;
    }
    if (last[0] == null || last[0].has("error")) {
      System.err.println(last[0] == null ? "{\"error\":\"the server ended the seed without a result\"}" : last[0]);
      return 1;
    }
    System.out.println(last[0]);
    return 0;
  }
}
