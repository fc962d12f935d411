package org.openlms.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import tools.jackson.databind.JsonNode;

/**
 * The servicing tests' loan (LoanPro's calculator sample: 15,000.00 at 4.7 % over 60 months from 2020-08-17,
 * 281.01 a month from 2020-09-01), created through the API, and its archive in a form two loans can be compared by.
 */
public final class ServicingLoans {

  public static final String LOANS = "/api/public/api/1/odata.svc/Loans";
  private static final String TERMS = """
      {"displayId":"%s","LoanSetup":{%s"loanAmount":15000,"loanRate":4.7,"loanRateType":"loan.rateType.annually",
      "loanTerm":60,"contractDate":"2020-08-17","firstPaymentDate":"2020-09-01",
      "paymentFrequency":"loan.frequency.monthly","calcType":"loan.calcType.simpleInterest",
      "daysInYear":"loan.daysInYear.actual"}}""";

  private ServicingLoans() {}

  /** Creates the loan, activated (brought to today) or not; returns its id. */
  public static long create(Http http, TenantAccess t, String displayId, boolean active) {
    Http.Response r = http.api("POST", LOANS, t.id(), t.token(), TERMS.formatted(displayId, active ? "\"active\":1," : ""));
    ok(r);
    return r.body().get("d").get("id").asLong();
  }

  /**
   * Every archive row of a loan, without its id, loanId and uri (they name the loan), so two loans can be compared
   * day by day.
   */
  public static List<String> archive(Http http, TenantAccess t, long loanId) {
    List<String> out = new ArrayList<>();
    Http.Response r = http.api("GET", LOANS + "(" + loanId + ")/StatusArchive?nopaging", t.id(), t.token(), null);
    ok(r);
    for (JsonNode row : r.body().get("d").get("results")) {
      out.add(row.toString().replaceAll("\"__metadata\":\\{[^}]*},", "").replaceAll("\"(id|loanId)\":\\d+,", ""));
    }
    return out;
  }

  public static void ok(Http.Response r) {
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
  }
}
