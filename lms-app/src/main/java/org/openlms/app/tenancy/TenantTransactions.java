package org.openlms.app.tenancy;

import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs work in one transaction on a tenant's own database: a request's writes commit together or not at all. */
@Component
public class TenantTransactions {

  private final TenantDataSources pools;

  TenantTransactions(TenantDataSources pools) {
    this.pools = pools;
  }

  public <T> T inTransaction(Tenant tenant, Function<JdbcClient, T> work) {
    DataSource ds = pools.of(tenant);
    return new TransactionTemplate(new DataSourceTransactionManager(ds))
        .execute(status -> work.apply(JdbcClient.create(ds)));
  }

  /** For reads that need no transaction of their own. */
  public JdbcClient jdbc(Tenant tenant) {
    return JdbcClient.create(pools.of(tenant));
  }
}
