package org.openlms.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openlms.app.api.odata.ODataRows;
import org.openlms.app.seed.LoanSeeder;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.TenantService;
import tools.jackson.databind.JsonNode;

/**
 * {@code nopaging} turns the default page off but is still bounded: over a tenant with more loans than it answers,
 * an unfiltered request is a 409 that says how to page, while a filtered one answers every match.
 */
class NoPagingLimitIT {

  private static final String API = "/api/public/api/1/";
  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  @Test
  void nopagingOverMoreRowsThanItAnswersIsA409ThatSaysHowToPage() {
    TenantAccess t = server.newTenant();
    // Seeding deletes about one loan in a hundred: 21,000 leaves more than NOPAGING_MAX live ones.
    server.bean(LoanSeeder.class).seed(server.bean(TenantService.class).tenant(t.id()), 21_000, 7L, 0,
        (phase, done) -> { });
    long live = http.api("GET", API + "odata.svc/Loans?$top=1", t.id(), t.token(), null).body().get("d")
        .get("summary").get("total").asLong();
    assertThat(live).isGreaterThan(ODataRows.NOPAGING_MAX);

    for (Http.Response r : new Http.Response[] {
        http.api("GET", API + "odata.svc/Loans?nopaging&$select=id", t.id(), t.token(), null),
        http.api("GET", API + "odata.svc/Loans()?nopaging=true&$filter=id%20gt%200", t.id(), t.token(), null),
        http.api("POST", API + "Loans/Autopal.Search()?nopaging=true", t.id(), t.token(), "{}")}) {
      assertThat(r.status()).as(r.raw()).isEqualTo(409);
      assertThat(r.errorMessage()).isEqualTo("nopaging answers at most 20000 rows and this query matches more: "
          + "page with $top and $skip, or narrow it with $filter");
    }

    JsonNode some = http.api("GET", API + "odata.svc/Loans?nopaging&$select=id&$filter=id%20le%20150", t.id(),
        t.token(), null).body().get("d");
    assertThat(some.get("results").size()).isEqualTo(some.get("summary").get("total").asInt()).isGreaterThan(140);
    JsonNode found = http.api("POST", API + "Loans/Autopal.Search()?nopaging", t.id(), t.token(),
        "{\"query\":{\"range\":{\"id\":{\"lte\":150}}}}").body().get("d");
    assertThat(found.get("results").size()).isEqualTo(some.get("results").size());
  }
}
