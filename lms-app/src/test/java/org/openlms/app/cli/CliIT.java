package org.openlms.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openlms.app.support.CliRun;
import org.openlms.app.support.LmsTestServer;

/** The admin commands against a running server print JSON and exit non-zero on refusal. */
class CliIT {

  private final LmsTestServer server = LmsTestServer.shared();

  @Test
  void companyTenantAndTokenCommandsWorkAgainstARunningServer() {
    CliRun company = CliRun.lms(server, "company", "create", "--name", "Cli Lending", "--timezone", "America/New_York");
    assertThat(company.code()).isZero();
    long companyId = company.json().get("id").asLong();
    assertThat(company.json().get("timeZone").asString()).isEqualTo("America/New_York");

    CliRun tenant = CliRun.lms(server, "tenant", "create", "--company", String.valueOf(companyId), "--kind", "sandbox");
    assertThat(tenant.code()).isZero();
    long tenantId = tenant.json().get("id").asLong();
    String token = tenant.json().get("token").get("token").asString();
    assertThat(server.http().api("GET", "/api/public/api/1/odata.svc/TenantDMStats", tenantId, token, null).status())
        .isEqualTo(200);

    CliRun second = CliRun.lms(server, "token", "create", "--tenant", String.valueOf(tenantId), "--label", "ci");
    assertThat(second.code()).isZero();
    long secondId = second.json().get("id").asLong();
    String secondToken = second.json().get("token").asString();

    CliRun list = CliRun.lms(server, "tenant", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("\"id\" : " + tenantId);

    assertThat(CliRun.lms(server, "token", "revoke", "--id", String.valueOf(secondId)).code()).isZero();
    assertThat(server.http().api("GET", "/api/public/api/1/odata.svc/TenantDMStats", tenantId, secondToken, null)
        .status()).isEqualTo(401);
    assertThat(CliRun.lms(server, "token", "revoke", "--token", token).code()).isZero();
    assertThat(server.http().api("GET", "/api/public/api/1/odata.svc/TenantDMStats", tenantId, token, null).status())
        .isEqualTo(401);
  }

  @Test
  void aRefusedCommandExitsNonZeroWithTheErrorEnvelope() {
    CliRun bad = CliRun.lms(server, "company", "create", "--name", "X", "--timezone", "Nowhere");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("timeZone must be an IANA zone");
    CliRun wrongToken = CliRun.withToken(server, "not-the-admin-token", "tenant", "list");
    assertThat(wrongToken.code()).isEqualTo(1);
  }



}
