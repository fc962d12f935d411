package org.openlms.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Generated hostile input against every public endpoint (found from the mappings, so new endpoints are covered):
 * malformed JSON, wrong types, absurd numbers and dates, SQL and markup in strings, unknown fields, hostile
 * query options. Every answer must be the error envelope or a success, never a 5xx or a stack trace; a refused
 * request must leave the tenant's data exactly as it was (an accepted one stores hostile strings as data);
 * the server must still answer. Seeded, so a failure replays.
 */
class HostileInputIT {

  private static final long SEED = 20261123L;
  private static final String[] STRINGS = {"'; DROP TABLE loan; --", "\" OR 1=1 --", "<script>alert(1)</script>",
      "\u0000", "%00", "../../etc/passwd", "${jndi:ldap://x}", "\uD83D\uDCA5", "x".repeat(5000), "", " ",
      "/Date(-99999999999999)/", "9999-99-99", "NaN", "1e999999", "-0", "0x10", "[]", "{}"};
  private static final Object[] VALUES = {null, true, -1, 0, Long.MAX_VALUE, -1e308, 1e308, 0.000000001,
      List.of(1, 2), Map.of("a", 1)};
  private static final String[] FIELDS = {"displayId", "title", "LoanSetup", "LoanSettings", "Payments", "Charges",
      "Customers", "amount", "date", "loanAmount", "loanRate", "firstName", "query", "aggs", "size", "__id", "__update",
      "bogus", "Portfolios", "SubPortfolios", "parent", "rule", "actions", "stoplight", "priority"};

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  @Test
  void hostileInputNeverBreaksTheServerOrChangesData() {
    TenantAccess t = server.newTenant();
    long loan = http.api("POST", "/api/public/api/1/odata.svc/Loans", t.id(), t.token(), """
        {"displayId":"H-1","LoanSetup":{"loanAmount":1000,"loanRate":5,"loanTerm":12,"contractDate":"2025-01-01",
        "firstPaymentDate":"2025-02-01"}}""").body().get("d").get("id").asLong();
    JdbcClient db = server.bean(TenantTransactions.class).jdbc(server.bean(TenantService.class).tenant(t.id()));
    Random random = new Random(SEED);
    int requests = 0;
    for (Map.Entry<String, Set<RequestMethod>> e : server.publicEndpoints().entrySet()) {
      String path = e.getKey().replaceAll("\\{id}", String.valueOf(loan)).replaceAll("\\{date}", "2025-03-01");
      for (RequestMethod method : e.getValue()) {
        if (method == RequestMethod.DELETE) {
          continue; // a successful delete would end the loan's part in the rest of the run
        }
        for (int i = 0; i < 12; i++) {
          String body = method == RequestMethod.GET ? null : body(random);
          String before = method == RequestMethod.GET ? null : fingerprint(db);
          Http.Response r = http.api(method.name(), path + query(random), t.id(), t.token(), body);
          requests++;
          String what = method + " " + path + " " + (body == null ? "" : body.substring(0, Math.min(200, body.length())));
          assertThat(r.status()).as(what).isLessThan(500);
          if (r.status() != 200) {
            assertThat(r.body()).as(what).isNotNull();
            assertThat(r.errorMessage()).as(what).isNotBlank();
          }
          assertThat(r.raw()).as(what).doesNotContain("\tat ").doesNotContain(".java:");
          if (before != null && r.status() != 200) {
            assertThat(fingerprint(db)).as("refused but changed data: " + what).isEqualTo(before);
          }
        }
      }
    }
    assertThat(requests).isGreaterThan(100);
    assertThat(http.api("GET", "/api/public/api/1/odata.svc/Loans(" + loan + ")", t.id(), t.token(), null).status())
        .isEqualTo(200);
  }

  private static String body(Random r) {
    switch (r.nextInt(6)) {
      case 0:
        return "{\"displayId\": ";                        // truncated JSON
      case 1:
        return "[" + r.nextInt() + "]";                   // wrong top-level type
      case 2:
        return STRINGS[r.nextInt(STRINGS.length)];        // not JSON at all
      default:
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
          String field = FIELDS[r.nextInt(FIELDS.length)];
          m.put(field, r.nextBoolean() ? STRINGS[r.nextInt(STRINGS.length)] : VALUES[r.nextInt(VALUES.length)]);
        }
        if (m.containsKey("LoanSetup") && r.nextBoolean()) {
          m.put("LoanSetup", Map.of("loanAmount", STRINGS[r.nextInt(STRINGS.length)], "loanTerm", -5));
        }
        return Http.write(m);
    }
  }

  private static String query(Random r) {
    String[] options = {"", "?$filter=" + enc(STRINGS[r.nextInt(STRINGS.length)]), "?$top=-1", "?$top=99999999999",
        "?$orderby=" + enc("id; DROP TABLE loan"), "?$filter=" + enc("((((((((((id eq 1))))))))))"),
        "?$filter=" + enc("substringof('x', displayId) or 1 eq 1"), "?$select=" + enc("*,id"), "?$expand=" + enc("../x"),
        "?$skip=abc", "?nopaging&$filter=" + enc("id mul 9223372036854775807 gt 1")};
    return options[r.nextInt(options.length)];
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Row counts and sums of every table a request could change. */
  private static String fingerprint(JdbcClient db) {
    List<String> parts = new ArrayList<>();
    for (String table : List.of("loan", "loan_setup", "loan_settings", "loan_state", "loan_payment",
        "loan_charge", "loan_status_archive", "customer", "customer_address", "loan_customer", "portfolio",
        "sub_portfolio", "loan_portfolio", "loan_sub_portfolio", "automation_rule", "stoplight_rule", "warning_flag",
        "loan_flag", "loan_flag_archive", "automation_applied", "automation_error", "audit_log")) {
      parts.add(table + "=" + db.sql("SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM "
          + table + " t").query(String.class).single());
    }
    return String.join(" ", parts);
  }
}
