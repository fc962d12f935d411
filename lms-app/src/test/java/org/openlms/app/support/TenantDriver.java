package org.openlms.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.openlms.app.maintenance.MaintenanceService;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What automation tests do to a test tenant, as a lender would: activate loans and write rules through the API,
 * run a night of maintenance, and look at the database where the API shows no more.
 */
public final class TenantDriver {

  public static final String API = "/api/public/api/1/";
  public static final String ODATA = API + "odata.svc/";

  private final LmsTestServer server;
  private final Http http;

  public TenantDriver(LmsTestServer server) {
    this.server = server;
    this.http = server.http();
  }

  /** A monthly 24-month loan at 12 %, created and activated through the API. */
  public long loan(TenantAccess t, String displayId, LocalDate contract, LocalDate firstPayment, int amount) {
    JsonNode created = ok(http.api("POST", ODATA + "Loans", t.id(), t.token(), """
        {"displayId":"%s","LoanSetup":{"loanClass":"loan.class.consumer","loanType":"loan.type.installment",
        "loanAmount":%d,"loanRate":12,"loanRateType":"loan.rateType.annually","loanTerm":24,
        "contractDate":"%s","firstPaymentDate":"%s","paymentFrequency":"loan.frequency.monthly",
        "calcType":"loan.calcType.simpleInterest","daysInYear":"loan.daysInYear.actual"}}"""
        .formatted(displayId, amount, contract, firstPayment)));
    long id = created.get("d").get("id").asLong();
    ok(http.api("POST", API + "Loans(" + id + ")/Autopal.Activate()", t.id(), t.token(), null));
    return id;
  }

  /** An automation rule; {@code actions} are the JSON objects of its action list, comma separated. */
  public void rule(TenantAccess t, String name, String rule, int order, boolean realTime, String actions) {
    ok(http.api("POST", ODATA + "AutomationRules", t.id(), t.token(), "{\"name\":\"" + name + "\",\"rule\":\""
        + rule + "\",\"order\":" + order + ",\"evalInRealTime\":" + (realTime ? 1 : 0)
        + ",\"actions\":{\"results\":[" + actions + "]}}"));
  }

  /** The loan's LoanSettings as the API answers them. */
  public JsonNode settings(TenantAccess t, long id) {
    return ok(http.api("GET", ODATA + "Loans(" + id + ")?$expand=LoanSettings", t.id(), t.token(), null))
        .get("d").get("LoanSettings");
  }

  /** One night of daily maintenance for the tenant's business date, run to the end in this thread. */
  public void maintain(TenantAccess t) {
    Tenant tenant = server.bean(TenantService.class).tenant(t.id());
    MaintenanceService maintenance = server.bean(MaintenanceService.class);
    maintenance.requestRun(t.id(), today(t));
    maintenance.drain(tenant);
  }

  public LocalDate today(TenantAccess t) {
    return server.bean(TenantService.class).businessDate(server.bean(TenantService.class).tenant(t.id()));
  }

  public JdbcClient db(TenantAccess t) {
    return server.bean(TenantTransactions.class).jdbc(server.bean(TenantService.class).tenant(t.id()));
  }

  /** The answer's body, after checking it is a 200 (the raw answer shown when it is not). */
  public static JsonNode ok(Http.Response r) {
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    return r.body();
  }
}
