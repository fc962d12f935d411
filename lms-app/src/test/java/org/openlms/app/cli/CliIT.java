package org.openlms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import tools.jackson.databind.JsonNode;

/** The admin commands against a running server print JSON and exit non-zero on refusal. */
class CliIT {

  private final LmsTestServer server = LmsTestServer.shared();

  @Test
  void companyTenantAndTokenCommandsWorkAgainstARunningServer() {
    Run company = lms("company", "create", "--name", "Cli Lending", "--timezone", "America/New_York");
    assertThat(company.code).isZero();
    long companyId = company.json().get("id").asLong();
    assertThat(company.json().get("timeZone").asString()).isEqualTo("America/New_York");

    Run tenant = lms("tenant", "create", "--company", String.valueOf(companyId), "--kind", "sandbox");
    assertThat(tenant.code).isZero();
    long tenantId = tenant.json().get("id").asLong();
    String token = tenant.json().get("token").get("token").asString();
    assertThat(server.http().api("GET", "/api/public/api/1/odata.svc/TenantDMStats", tenantId, token, null).status())
        .isEqualTo(200);

    Run second = lms("token", "create", "--tenant", String.valueOf(tenantId), "--label", "ci");
    assertThat(second.code).isZero();
    long secondId = second.json().get("id").asLong();
    String secondToken = second.json().get("token").asString();

    Run list = lms("tenant", "list");
    assertThat(list.code).isZero();
    assertThat(list.out).contains("\"id\" : " + tenantId);

    assertThat(lms("token", "revoke", "--id", String.valueOf(secondId)).code).isZero();
    assertThat(server.http().api("GET", "/api/public/api/1/odata.svc/TenantDMStats", tenantId, secondToken, null)
        .status()).isEqualTo(401);
    assertThat(lms("token", "revoke", "--token", token).code).isZero();
    assertThat(server.http().api("GET", "/api/public/api/1/odata.svc/TenantDMStats", tenantId, token, null).status())
        .isEqualTo(401);
  }

  @Test
  void aRefusedCommandExitsNonZeroWithTheErrorEnvelope() {
    Run bad = lms("company", "create", "--name", "X", "--timezone", "Nowhere");
    assertThat(bad.code).isEqualTo(1);
    assertThat(bad.err).contains("timeZone must be an IANA zone");
    Run wrongToken = lmsWith("not-the-admin-token", "tenant", "list");
    assertThat(wrongToken.code).isEqualTo(1);
  }

  private Run lms(String... args) {
    return lmsWith(LmsTestServer.ADMIN_TOKEN, args);
  }

  private Run lmsWith(String adminToken, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--url";
    all[args.length + 1] = server.http().base();
    all[args.length + 2] = "--admin-token";
    all[args.length + 3] = adminToken;
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = LmsCommand.run(all);
      return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private record Run(int code, String out, String err) {
    /** The command's JSON; log lines of the in-process test server share stdout and are skipped. */
    JsonNode json() {
      return Http.JSON.readTree(out.lines().filter(l -> !l.matches("^\\d{4}-\\d{2}-\\d{2}T.*"))
          .reduce("", (a, b) -> a + b + "\n"));
    }
  }
}
