package org.openlms.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code lms import loans --tenant ID FILE.csv}: a header row names the columns (see the README); rows are keyed
 * by displayId, so a re-run updates and never duplicates. Prints created, updated, unchanged and the failed
 * rows with their line numbers; exits 1 when any row failed (the others are loaded).
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import data from files.",
    subcommands = {ImportCommand.Loans.class})
final class ImportCommand {

  @Command(name = "loans", mixinStandardHelpOptions = true, description = "Import loans from a CSV file.")
  static final class Loans implements Callable<Integer> {
    private static final int BATCH = 500;

    @Mixin AdminClient client;

    @Option(names = "--tenant", required = true) long tenant;

    @Parameters(paramLabel = "FILE.csv") Path file;

    @Override
    public Integer call() throws IOException, InterruptedException {
      Map<String, Long> totals = new LinkedHashMap<>(Map.of("created", 0L, "updated", 0L, "unchanged", 0L, "failed", 0L));
      List<JsonNode> errors = new ArrayList<>();
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
          .setIgnoreEmptyLines(true).get();
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = CSVParser.parse(in, format)) {
        List<Map<String, Object>> batch = new ArrayList<>(BATCH);
        for (CSVRecord record : csv) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("line", csv.getCurrentLineNumber());
          row.put("values", record.toMap());
          batch.add(row);
          if (batch.size() == BATCH) {
            if (!send(batch, totals, errors)) {
              return 1;
            }
            batch.clear();
          }
        }
        if (!batch.isEmpty() && !send(batch, totals, errors)) {
          return 1;
        }
      } catch (IllegalStateException | java.io.UncheckedIOException e) {
        System.err.println("{\"error\":\"" + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}");
        return 1;
      }
      Map<String, Object> out = new LinkedHashMap<>(totals);
      out.put("errors", errors);
      System.out.println(AdminClient.pretty(tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(out)));
      return totals.get("failed") == 0 ? 0 : 1;
    }

    private boolean send(List<Map<String, Object>> batch, Map<String, Long> totals, List<JsonNode> errors)
        throws IOException, InterruptedException {
      AdminClient.Answer a = client.send("POST", "/tenants/" + tenant + "/import/loans", Map.of("rows", batch));
      if (a.status() != 200) {
        System.err.println(AdminClient.pretty(a.body()));
        return false;
      }
      JsonNode d = a.body().get("d");
      totals.replaceAll((k, v) -> v + d.get(k).asLong());
      d.get("errors").forEach(errors::add);
      return true;
    }
  }
}
