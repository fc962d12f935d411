package org.openlms.app.tenancy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.openlms.app.LmsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One connection pool per tenant, capped by the tenant's max connections, created on first use and closed
 * when the tenant is suspended, removed or its cap changes. A tenant whose pool is exhausted waits at most
 * the configured pool timeout and then gets a clear error; other tenants' pools are untouched.
 */
@Component
public class TenantDataSources implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TenantDataSources.class);

  private final TenantDatabases databases;
  private final LmsProperties props;
  private final Map<Long, HikariDataSource> pools = new ConcurrentHashMap<>();

  TenantDataSources(TenantDatabases databases, LmsProperties props) {
    this.databases = databases;
    this.props = props;
  }

  /** The tenant's pool. Only active tenants have one. */
  public DataSource of(Tenant tenant) {
    if (tenant.status() != TenantStatus.ACTIVE) {
      throw new TenantUnavailableException(tenant.id(), tenant.status());
    }
    return pools.computeIfAbsent(tenant.id(), id -> open(tenant));
  }

  private HikariDataSource open(Tenant t) {
    DatabaseServer server = databases.serverOf(t);
    HikariConfig cfg = new HikariConfig();
    cfg.setPoolName("tenant-" + t.id());
    cfg.setJdbcUrl(server.jdbcUrl(t.databaseName()));
    cfg.setUsername(server.user());
    cfg.setPassword(server.password());
    cfg.setMaximumPoolSize(t.limits().maxConnections());
    cfg.setMinimumIdle(0);
    cfg.setIdleTimeout(60_000);
    cfg.setConnectionTimeout(Math.max(250, props.tenants().poolTimeout().toMillis()));
    // Open lazily: a tenant whose server is down fails its own requests, not the whole server's start.
    cfg.setInitializationFailTimeout(-1);
    // Daily maintenance writes state and archive rows in JDBC batches; multi-row statements cut round trips.
    cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
    log.info("Opening pool for tenant {} (max {} connections)", t.id(), t.limits().maxConnections());
    return new HikariDataSource(cfg);
  }

  /** Closes the tenant's pool, if open; the next use opens a fresh one with the tenant's current limits. */
  public void close(long tenantId) {
    HikariDataSource ds = pools.remove(tenantId);
    if (ds != null) {
      log.info("Closing pool for tenant {}", tenantId);
      ds.close();
    }
  }

  public boolean isOpen(long tenantId) {
    return pools.containsKey(tenantId);
  }

  @Override
  public void destroy() {
    pools.keySet().forEach(this::close);
  }
}
