package org.openlms.app.api.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openlms.app.support.Http;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import tools.jackson.databind.JsonNode;

/**
 * {@code Loans(id)/Transactions} takes the OData options every other navigation takes, through the same parser
 * and planner: the same answers for the same options, and the same 409s for the same mistakes.
 */
class TransactionsQueryIT {

  private static final String LOANS = "/api/public/api/1/odata.svc/Loans";
  private static final String TERMS = """
      {"displayId":"Q","LoanSetup":{"active":1,"loanAmount":15000,"loanRate":4.7,
      "loanRateType":"loan.rateType.annually","loanTerm":180,"contractDate":"2020-08-17","firstPaymentDate":"2020-09-01",
      "paymentFrequency":"loan.frequency.monthly","calcType":"loan.calcType.simpleInterest",
      "daysInYear":"loan.daysInYear.actual"}}""";

  private final LmsTestServer server = LmsTestServer.shared();
  private final Http http = server.http();

  /** A 15-year loan from 2020, paid twice, charged once, with its installments from today on scheduled. */
  private long loan(TenantAccess t) {
    Http.Response r = http.api("POST", LOANS, t.id(), t.token(), TERMS);
    long id = r.body().get("d").get("id").asLong();
    assertThat(http.api("PUT", LOANS + "(" + id + ")", t.id(), t.token(), """
        {"Payments":{"results":[{"amount":281.01,"date":"2020-09-01","paymentTypeId":1,"paymentMethodId":1},
        {"amount":300,"date":"2020-10-01","paymentTypeId":1,"paymentMethodId":1,"info":"October"}]},
        "Charges":{"results":[{"amount":12.5,"date":"2020-09-10","chargeTypeId":5,"info":"statement"}]}}""")
        .status()).isEqualTo(200);
    return id;
  }

  private JsonNode get(TenantAccess t, long id, String query) {
    Http.Response r = http.api("GET", LOANS + "(" + id + ")/Transactions" + query, t.id(), t.token(), null);
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body().get("d");
  }

  private static List<String> field(JsonNode d, String name) {
    List<String> out = new ArrayList<>();
    d.get("results").forEach(r -> out.add(r.get(name).asString()));
    return out;
  }

  @Test
  void filterOrderSelectAndPageWorkOnTheComputedRows() {
    TenantAccess t = server.newTenant();
    long id = loan(t);
    JsonNode all = get(t, id, "?nopaging");
    int total = all.get("summary").get("total").asInt();
    int scheduled = 0;
    for (JsonNode r : all.get("results")) {
      scheduled += r.get("future").asInt();
    }
    assertThat(total).isEqualTo(4 + scheduled).isGreaterThan(70); // origination, two payments, the charge

    JsonNode payments = get(t, id, "?$filter=type%20eq%20%27payment%27%20and%20paymentAmount%20ge%20300");
    assertThat(field(payments, "title")).containsExactly("Payment: October");
    assertThat(payments.get("summary").get("total").asInt()).isEqualTo(1);

    JsonNode sept = get(t, id, "?$filter=date%20ge%20datetime%272020-09-01%27%20and%20date%20lt%20datetime%272020-10-01T00:00:00%27"
        + "%20and%20future%20eq%200");
    assertThat(field(sept, "type")).containsExactly("payment", "fee");
    // displayOrder is the row's place in the whole list, whatever the filter.
    assertThat(field(sept, "displayOrder")).containsExactly("2", "3");

    JsonNode functions = get(t, id, "?$filter=startswith(title,%27Sched%27)%20and%20substringof(%27-spm180%27,txId)");
    assertThat(field(functions, "txId")).containsExactly(id + "-0-spm180");

    JsonNode biggest = get(t, id, "?$filter=future%20eq%201&$orderby=paymentInterest%20desc,period%20asc&$top=2"
        + "&$select=period,paymentInterest");
    assertThat(biggest.get("summary").get("total").asInt()).isEqualTo(scheduled);
    JsonNode first = biggest.get("results").get(0);
    assertThat(first.has("type")).isFalse();
    assertThat(first.get("__metadata").get("type").asString()).isEqualTo("Entity.LoanTransaction");
    assertThat(new BigDecimal(first.get("paymentInterest").asString()))
        .isGreaterThanOrEqualTo(new BigDecimal(biggest.get("results").get(1).get("paymentInterest").asString()));

    JsonNode page = get(t, id, "?$skip=60&$top=5");
    assertThat(page.get("results").size()).isEqualTo(5);
    assertThat(page.get("summary").get("start").asInt()).isEqualTo(60);
    assertThat(page.get("summary").get("pageSize").asInt()).isEqualTo(5);
    assertThat(page.get("results").get(0)).isEqualTo(all.get("results").get(60));
    assertThat(get(t, id, "").get("results").size()).isEqualTo(50);
  }

  @Test
  void mistakesAreTheSame409sAsOnTheStoredNavigations() {
    TenantAccess t = server.newTenant();
    long id = loan(t);
    String[][] cases = {
        {"?$filter=tpye%20eq%20%27fee%27", "tpye"},
        {"?$filter=type%20eq", "$filter"},
        {"?$filter=type%20eq%20%27fee%27)", "$filter"},
        {"?$orderby=nonsense%20desc", "nonsense"},
        {"?$select=txId,bogus", "bogus"},
        {"?$top=-1", "$top"},
        {"?$skip=abc", "$skip"},
        {"?$expand=Payments", "Payments"},
        {"?$fitler=type%20eq%20%27fee%27", "$fitler"},
    };
    for (String[] c : cases) {
      Http.Response tx = http.api("GET", LOANS + "(" + id + ")/Transactions" + c[0], t.id(), t.token(), null);
      assertThat(tx.status()).as(c[0]).isEqualTo(409);
      assertThat(tx.errorMessage()).as(c[0]).contains(c[1]);
      // Mistakes that do not name the entity read word for word as on another navigation.
      if (c[1].startsWith("$")) {
        Http.Response payments = http.api("GET", LOANS + "(" + id + ")/Payments" + c[0], t.id(), t.token(), null);
        assertThat(payments.errorMessage()).as(c[0]).isEqualTo(tx.errorMessage());
      }
    }
    Http.Response missing = http.api("GET", LOANS + "(999999)/Transactions", t.id(), t.token(), null);
    assertThat(missing.status()).isEqualTo(409);
    assertThat(missing.errorMessage()).isEqualTo("Resource not found for the segment 'Loans'");
  }
}
