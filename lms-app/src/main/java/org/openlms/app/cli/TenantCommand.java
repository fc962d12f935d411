package org.openlms.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lms tenant create|list|set}. */
@Command(name = "tenant", mixinStandardHelpOptions = true, description = "Create, list and change tenants.",
    subcommands = {TenantCommand.Create.class, TenantCommand.ListAll.class, TenantCommand.Set.class})
final class TenantCommand {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a tenant with its own database; prints its id and first token.")
  static final class Create implements Callable<Integer> {
    @Mixin AdminClient client;

    @Option(names = "--company", required = true, description = "Company id")
    long company;

    @Option(names = "--kind", required = true, description = "production, sandbox or staging")
    String kind;

    @Option(names = "--db-url", description = "Dedicated server: JDBC URL, e.g. jdbc:postgresql://db2:5432/postgres")
    String dbUrl;

    @Option(names = "--db-user", description = "User on the dedicated server")
    String dbUser;

    @Option(names = "--db-password", description = "Password on the dedicated server")
    String dbPassword;

    @Option(names = "--max-connections", description = "Pool cap for this tenant")
    Integer maxConnections;

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("companyId", company);
      body.put("kind", kind);
      putIf(body, "dbUrl", dbUrl);
      putIf(body, "dbUser", dbUser);
      putIf(body, "dbPassword", dbPassword);
      putIf(body, "maxConnections", maxConnections);
      return client.call("POST", "/tenants", body);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tenants with status and limits.")
  static final class ListAll implements Callable<Integer> {
    @Mixin AdminClient client;

    @Override
    public Integer call() {
      return client.call("GET", "/tenants", null);
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true, description = "Change a tenant's status or limits.")
  static final class Set implements Callable<Integer> {
    @Mixin AdminClient client;

    @Option(names = "--id", required = true, description = "Tenant id")
    long id;

    @Option(names = "--status", description = "active, suspended or removed")
    String status;

    @Option(names = "--max-connections") Integer maxConnections;
    @Option(names = "--max-loans") Long maxLoans;
    @Option(names = "--max-rules") Integer maxRules;
    @Option(names = "--api-requests-per-minute") Integer apiRequestsPerMinute;

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      putIf(body, "status", status);
      putIf(body, "maxConnections", maxConnections);
      putIf(body, "maxLoans", maxLoans);
      putIf(body, "maxRules", maxRules);
      putIf(body, "apiRequestsPerMinute", apiRequestsPerMinute);
      return client.call("PUT", "/tenants/" + id, body);
    }
  }

  static void putIf(Map<String, Object> body, String key, Object value) {
    if (value != null) {
      body.put(key, value);
    }
  }
}
