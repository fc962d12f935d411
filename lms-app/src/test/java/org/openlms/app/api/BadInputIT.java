package org.openlms.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input gets a clear error in the envelope, changes nothing, and never shows a stack trace. */
class BadInputIT {

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  @Test
  void malformedJsonIsA409NamingWhereItBroke() {
    unchanged(() -> {
      Http.Response r = http.admin("POST", "/api/admin/companies", "{\"name\": \"A\", \"timeZone\": ");
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.errorMessage()).startsWith("Malformed JSON at line 1");
      clean(r);
    });
  }

  @Test
  void unknownFieldsAreRefusedByName() {
    unchanged(() -> {
      Http.Response r = http.admin("POST", "/api/admin/companies",
          Map.of("name", "A", "timeZone", "America/Denver", "timezone", "UTC"));
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.errorMessage()).contains("Unknown field 'timezone'");
      clean(r);
    });
  }

  @Test
  void wrongTypesAreRefusedByField() {
    unchanged(() -> {
      Http.Response r = http.admin("POST", "/api/admin/tenants", "{\"companyId\": \"abc\", \"kind\": \"sandbox\"}");
      assertThat(r.status()).isEqualTo(409);
      assertThat(r.errorMessage()).contains("'companyId'");
      clean(r);
      Http.Response arr = http.admin("POST", "/api/admin/companies", "[1,2,3]");
      assertThat(arr.status()).isEqualTo(409);
      clean(arr);
    });
  }

  @Test
  void hostileStringsAreStoredAsDataNotExecuted() {
    String hostile = "'); DROP TABLE company; -- <script>alert(1)</script>";
    Http.Response r = http.admin("POST", "/api/admin/companies", Map.of("name", hostile, "timeZone", "UTC"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("d").get("name").asString()).isEqualTo(hostile);
    assertThat(http.admin("GET", "/api/admin/companies", null).status()).isEqualTo(200);
  }

  @Test
  void anOversizeBodyIsRefusedBeforeParsingWithOrWithoutADeclaredLength() {
    byte[] big = new byte[1024 * 1024 + 1];
    Arrays.fill(big, (byte) ' ');
    unchanged(() -> {
      HttpRequest declared = HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/companies"))
          .header("Authorization", "Bearer " + LmsTestServer.ADMIN_TOKEN).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
      Http.Response r = http.exchange(declared);
      assertThat(r.status()).isEqualTo(413);
      assertThat(r.errorMessage()).contains("larger than the limit");

      HttpRequest chunked = HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/companies"))
          .header("Authorization", "Bearer " + LmsTestServer.ADMIN_TOKEN).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
      Http.Response c = http.exchange(chunked);
      assertThat(c.status()).isEqualTo(413);
      assertThat(c.errorType()).isEqualTo("PayloadTooLargeException");
    });
  }

  @Test
  void unknownEndpointsAndBadQueryOptionsAnswerInTheEnvelope() {
    TenantAccess a = server.newTenant();
    Http.Response missing = http.api("GET", "/api/public/api/1/odata.svc/NoSuchSet", a.id(), a.token(), null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorType()).isEqualTo("NotFoundException");
    Http.Response top = http.api("GET", "/api/public/api/1/odata.svc/TenantDMStats?$top=abc", a.id(), a.token(), null);
    assertThat(top.status()).isEqualTo(409);
    assertThat(top.errorMessage()).contains("$top");
    Http.Response huge = http.api("GET", "/api/public/api/1/odata.svc/TenantDMStats?$top=99999999", a.id(), a.token(), null);
    assertThat(huge.status()).isEqualTo(409);
    Http.Response typo = http.api("GET", "/api/public/api/1/odata.svc/TenantDMStats?$fitler=id%20eq%201", a.id(), a.token(), null);
    assertThat(typo.status()).isEqualTo(409);
    assertThat(typo.errorMessage()).contains("$fitler");
    Http.Response hostile = http.api("GET", "/api/public/api/1/odata.svc/TenantDMStats?$filter=kind%20eq%20%27x%27%27;%20DROP%20TABLE%20dm_stats_entity;--%27",
        a.id(), a.token(), null);
    assertThat(hostile.status()).isEqualTo(200);
    assertThat(hostile.body().get("d").get("results").size()).isZero();
    assertThat(http.api("GET", "/api/public/api/1/odata.svc/TenantDMStats", a.id(), a.token(), null).status()).isEqualTo(200);
    Http.Response method = http.api("DELETE", "/api/public/api/1/odata.svc/TenantDMStats", a.id(), a.token(), null);
    assertThat(method.status()).isEqualTo(405);
    clean(method);
  }

  @Test
  void anEntityUrlWithoutOdataSvcIsAnEnvelopeThatSaysWhereItIs() {
    TenantAccess a = server.newTenant();
    for (String path : new String[] {"Loans(-1)", "Loans(5)", "Customers", "Loans(abc)/Payments"}) {
      Http.Response r = http.api("GET", "/api/public/api/1/" + path, a.id(), a.token(), null);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.errorType()).isEqualTo("NotFoundException");
      assertThat(r.errorMessage()).as(path).isEqualTo("No such endpoint: /api/public/api/1/" + path
          + " (entity sets are under odata.svc/, as /api/public/api/1/odata.svc/" + path.replaceAll("\\W.*", "") + ")");
      clean(r);
    }
    // Actions sit beside odata.svc, so a missing action gets no such hint.
    Http.Response action = http.api("POST", "/api/public/api/1/Loans(1)/Autopal.Nope()", a.id(), a.token(), null);
    assertThat(action.status()).isEqualTo(404);
    assertThat(action.errorMessage()).isEqualTo("No such endpoint: /api/public/api/1/Loans(1)/Autopal.Nope()");
  }

  @Test
  void answersAreJsonWhateverTheAcceptHeaderAsksFor() {
    TenantAccess a = server.newTenant();
    for (String accept : new String[] {"text/html", "application/xml", "application/json", "*/*"}) {
      Map<String, String> headers = Map.of("Authorization", "Bearer " + a.token(), "Autopal-Instance-Id",
          String.valueOf(a.id()), "Accept", accept);
      Http.Response missing = http.send("GET", "/api/public/api/1/odata.svc/Loans(-1)", null, headers);
      assertThat(missing.status()).as(accept).isEqualTo(409);
      assertThat(missing.errorMessage()).as(accept).isEqualTo("Resource not found for the segment 'Loans'");
      Http.Response list = http.send("GET", "/api/public/api/1/odata.svc/Loans", null, headers);
      assertThat(list.status()).as(accept).isEqualTo(200);
      assertThat(list.body().get("d").get("summary").get("total").asInt()).isZero();
    }
  }

  @Test
  void anUnknownTenantIsA401() {
    TenantAccess a = server.newTenant();
    Http.Response r = http.api("GET", "/api/public/api/1/odata.svc/TenantDMStats", 1234567L, a.token(), null);
    assertThat(r.status()).isEqualTo(401);
  }

  private void unchanged(Runnable action) {
    JdbcClient control = server.bean(JdbcClient.class);
    String snapshot = "SELECT (SELECT count(*) FROM company) || '/' || (SELECT count(*) FROM tenant)";
    String before = control.sql(snapshot).query(String.class).single();
    action.run();
    assertThat(control.sql(snapshot).query(String.class).single()).isEqualTo(before);
  }

  private static void clean(Http.Response r) {
    assertThat(r.raw()).doesNotContain("\tat ").doesNotContain(".java:").doesNotContain("org.springframework");
  }
}
