package org.openlms.app.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lms token create|list|revoke}. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListAll.class, TokenCommand.Revoke.class})
final class TokenCommand {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a token for a tenant; the secret is printed once.")
  static final class Create implements Callable<Integer> {
    @Mixin AdminClient client;

    @Option(names = "--tenant", required = true) long tenant;

    @Option(names = "--label") String label;

    @Option(names = "--portfolios", split = ",", paramLabel = "ID",
        description = "Restrict the token to loans in these portfolios, e.g. 3,4 (default: the whole tenant)")
    List<Long> portfolios;

    @Override
    public Integer call() {
      Map<String, Object> body = new LinkedHashMap<>();
      if (label != null) {
        body.put("label", label);
      }
      if (portfolios != null) {
        body.put("portfolioIds", portfolios);
      }
      return client.call("POST", "/tenants/" + tenant + "/tokens", body);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List a tenant's tokens (no secrets).")
  static final class ListAll implements Callable<Integer> {
    @Mixin AdminClient client;

    @Option(names = "--tenant", required = true) long tenant;

    @Override
    public Integer call() {
      return client.call("GET", "/tenants/" + tenant + "/tokens", null);
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by id or by its secret.")
  static final class Revoke implements Callable<Integer> {
    @Mixin AdminClient client;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
      @Option(names = "--id", description = "Token id (from token list)") Long id;
      @Option(names = "--token", description = "The token's secret") String token;
    }

    @Override
    public Integer call() {
      return which.id != null ? client.call("DELETE", "/tokens/" + which.id, null)
          : client.call("POST", "/tokens/revoke", Map.of("token", which.token));
    }
  }
}
