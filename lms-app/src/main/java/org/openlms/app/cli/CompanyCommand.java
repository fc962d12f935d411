package org.openlms.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lms company create|list}. */
@Command(name = "company", mixinStandardHelpOptions = true, description = "Create and list companies.",
    subcommands = {CompanyCommand.Create.class, CompanyCommand.ListAll.class})
final class CompanyCommand {

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a company.")
  static final class Create implements Callable<Integer> {
    @Mixin AdminClient client;

    @Option(names = "--name", required = true, description = "Company name")
    String name;

    @Option(names = "--timezone", required = true, description = "IANA time zone, e.g. America/Denver")
    String timeZone;

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("timeZone", timeZone);
      return client.call("POST", "/companies", body);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List companies.")
  static final class ListAll implements Callable<Integer> {
    @Mixin AdminClient client;

    @Override
    public Integer call() {
      return client.call("GET", "/companies", null);
    }
  }
}
