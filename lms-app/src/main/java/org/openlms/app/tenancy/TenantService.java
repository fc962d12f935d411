package org.openlms.app.tenancy;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.openlms.app.LmsProperties;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Creating companies and tenants, and moving tenants between active, suspended and removed. */
@Service
public class TenantService {

  private static final Logger log = LoggerFactory.getLogger(TenantService.class);

  private final CompanyRepository companies;
  private final TenantRepository tenants;
  private final TenantDatabases databases;
  private final TenantDataSources pools;
  private final TenantDirectory directory;
  private final SecretCipher cipher;
  private final LmsProperties props;
  private final Clock clock;

  TenantService(CompanyRepository companies, TenantRepository tenants, TenantDatabases databases,
      TenantDataSources pools, TenantDirectory directory, SecretCipher cipher, LmsProperties props,
      Clock clock) {
    this.companies = companies;
    this.tenants = tenants;
    this.databases = databases;
    this.pools = pools;
    this.directory = directory;
    this.cipher = cipher;
    this.props = props;
    this.clock = clock;
  }

  public Company createCompany(String name, String timeZone) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidInputException("name is required (1 to 200 characters)");
    }
    return companies.insert(name.strip(), zone(timeZone));
  }

  private static ZoneId zone(String id) {
    if (id == null || !id.contains("/") && !id.equals("UTC")) {
      throw new InvalidInputException("timeZone must be an IANA zone such as America/Denver, not '" + id + "'");
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new InvalidInputException("timeZone must be an IANA zone such as America/Denver, not '" + id + "'");
    }
  }

  public List<Company> companies() {
    return companies.list();
  }

  public Company company(long id) {
    return companies.find(id).orElseThrow(() -> new NotFoundException("Companies"));
  }

  public List<Tenant> tenants() {
    return tenants.list();
  }

  public Tenant tenant(long id) {
    return tenants.find(id).orElseThrow(() -> new NotFoundException("Tenants"));
  }

  /** Today in the tenant's company time zone: the business date payments and maintenance are dated by. */
  public java.time.LocalDate businessDate(Tenant t) {
    return java.time.LocalDate.now(clock.withZone(company(t.companyId()).timeZone()));
  }

  public TenantLimits defaultLimits() {
    LmsProperties.Tenants d = props.tenants();
    return new TenantLimits(d.maxConnections(), d.maxLoans(), d.maxRules(), d.apiRequestsPerMinute());
  }

  /**
   * Creates a tenant and its own database, on the control server or, given {@code server}, on a dedicated
   * one, and migrates it. A tenant whose database cannot be created stays listed as failed, with the reason.
   */
  public Tenant createTenant(long companyId, TenantKind kind, DedicatedServer server, TenantLimits limits) {
    company(companyId);
    if (server != null) {
      checkReachable(server);
    }
    long id = tenants.nextId();
    Tenant t = tenants.insert(id, companyId, kind, server == null ? null : server.url(),
        props.tenants().databasePrefix() + id, server == null ? null : server.user(),
        server == null ? null : cipher.encrypt(server.password()), limits);
    try {
      databases.create(t);
    } catch (Exception e) {
      tenants.setStatus(id, TenantStatus.FAILED, "Database could not be created: " + e.getMessage());
      throw new InvalidInputException("Tenant " + id + " was recorded but its database could not be created: "
          + e.getMessage());
    }
    return migrate(tenants.find(id).orElseThrow());
  }

  private static void checkReachable(DedicatedServer s) {
    try {
      DatabaseServer.Located at = DatabaseServer.parse(s.url(), s.user(), s.password());
      at.server().connect(at.database()).close();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("dbUrl: " + e.getMessage());
    } catch (Exception e) {
      throw new InvalidInputException("Cannot connect to the database server " + s.url() + ": " + e.getMessage());
    }
  }

  /** Brings the tenant's database to the latest schema; on failure the tenant is marked failed. */
  public Tenant migrate(Tenant t) {
    long started = System.nanoTime();
    try {
      String version = databases.migrate(t);
      tenants.markMigrated(t.id(), version, clock.instant());
      log.info("Tenant {}: database {} migrated to version {} in {} ms", t.id(), t.databaseName(), version,
          (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      log.error("Tenant {}: migration FAILED: {}", t.id(), e.getMessage());
      tenants.setStatus(t.id(), TenantStatus.FAILED, "Migration failed: " + e.getMessage());
      pools.close(t.id());
    }
    directory.invalidate(t.id());
    return tenants.find(t.id()).orElseThrow();
  }

  public Tenant setStatus(long id, TenantStatus status) {
    Tenant t = tenant(id);
    switch (status) {
      case ACTIVE -> {
        return migrate(t);
      }
      case SUSPENDED, REMOVED -> {
        tenants.setStatus(id, status, null);
        pools.close(id);
      }
      default -> throw new InvalidInputException("status can be set to active, suspended or removed only");
    }
    directory.invalidate(id);
    return tenant(id);
  }

  public Tenant updateLimits(long id, TenantLimits limits) {
    tenant(id);
    tenants.updateLimits(id, limits);
    pools.close(id); // reopened on next use with the new cap
    directory.invalidate(id);
    return tenant(id);
  }

  TenantDatabases databases() {
    return databases;
  }

  /** Location and credentials of a dedicated tenant database server, as given by an operator. */
  public record DedicatedServer(String url, String user, String password) {}
}
