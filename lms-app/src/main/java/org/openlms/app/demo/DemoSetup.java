package org.openlms.app.demo;

import org.openlms.app.LmsProperties;
import org.openlms.app.seed.LoanSeeder;
import org.openlms.app.security.ApiTokenService;
import org.openlms.app.security.IssuedToken;
import org.openlms.app.tenancy.Company;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantKind;
import org.openlms.app.tenancy.TenantService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the very first start (no company yet), creates a demo company with a production and a sandbox tenant
 * and prints their ids, tokens and a request to try, so a newcomer can call the API at once.
 */
@Component
class DemoSetup {

  /** Enough loans to query, filter and page through at once; generated and loaded in a few seconds. */
  static final int DEMO_LOANS = 2_000;
  static final int DEMO_ARCHIVE_DAYS = 30;

  private final TenantService tenants;
  private final ApiTokenService tokens;
  private final LoanSeeder seeder;
  private final LmsProperties props;
  private final Environment env;

  DemoSetup(TenantService tenants, ApiTokenService tokens, LoanSeeder seeder, LmsProperties props, Environment env) {
    this.tenants = tenants;
    this.tokens = tokens;
    this.seeder = seeder;
    this.props = props;
    this.env = env;
  }

  @EventListener(ApplicationReadyEvent.class)
  void createOnFirstStart() {
    if (!props.demo().enabled() || !tenants.companies().isEmpty()) {
      return;
    }
    Company c = tenants.createCompany("Demo Lending", "America/Denver");
    Tenant prod = tenants.createTenant(c.id(), TenantKind.PRODUCTION, null, tenants.defaultLimits());
    Tenant sandbox = tenants.createTenant(c.id(), TenantKind.SANDBOX, null, tenants.defaultLimits());
    // With each loan's last month of archive, so the figures a newcomer looks at first (daysPastDue, payoff,
    // principalBalance in search and StatusArchive) are there, not null.
    LoanSeeder.Result seeded = seeder.seed(prod, DEMO_LOANS, 42L, DEMO_ARCHIVE_DAYS, (phase, done) -> { });
    IssuedToken prodToken = tokens.issue(prod.id(), "demo");
    IssuedToken sandboxToken = tokens.issue(sandbox.id(), "demo");
    String url = "http://localhost:" + env.getProperty("local.server.port", "8080");
    System.out.printf("""

        ==== Demo created (shown once; create more tokens with ./lms token create) ====
        Company    %d  %s (%s)
        Production tenant %d  token %s  (%d seeded loans)
        Sandbox    tenant %d  token %s
        API        %s/api/public/api/1/
        Try:
          curl -H 'Authorization: Bearer %s' -H 'Autopal-Instance-Id: %d' \\
               '%s/api/public/api/1/odata.svc/Loans?$top=3&$expand=LoanSetup'
        ===============================================================================

        """, c.id(), c.name(), c.timeZone(), prod.id(), prodToken.secret(), seeded.loans(), sandbox.id(),
        sandboxToken.secret(),
        url, prodToken.secret(), prod.id(), url);
  }
}
