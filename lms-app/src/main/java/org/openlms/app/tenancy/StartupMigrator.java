package org.openlms.app.tenancy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Migrates every tenant database at startup, before the server accepts requests. Each tenant is reported;
 * one that fails is marked failed and reported, and the others go on.
 */
@Component
class StartupMigrator implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(StartupMigrator.class);
  private final TenantRepository tenants;
  private final TenantService service;

  StartupMigrator(TenantRepository tenants, TenantService service) {
    this.tenants = tenants;
    this.service = service;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<Tenant> due = tenants.list().stream()
        .filter(t -> t.status() != TenantStatus.SUSPENDED && t.status() != TenantStatus.REMOVED)
        .toList();
    if (due.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, due.size()));
    try {
      List<Future<Tenant>> results = due.stream().map(t -> pool.submit(() -> migrateOne(t))).toList();
      long failed = 0;
      for (Future<Tenant> f : results) {
        failed += f.get().status() == TenantStatus.ACTIVE ? 0 : 1;
      }
      log.info("Tenant databases: {} migrated, {} failed", due.size() - failed, failed);
    } catch (Exception e) {
      throw new IllegalStateException("Tenant migration was interrupted", e);
    } finally {
      pool.shutdown();
    }
  }

  private Tenant migrateOne(Tenant t) {
    if (t.status() == TenantStatus.PROVISIONING || t.status() == TenantStatus.FAILED) {
      try {
        service.databases().create(t); // an interrupted creation is finished here
      } catch (Exception e) {
        log.error("Tenant {}: database could not be created: {}", t.id(), e.getMessage());
      }
    }
    return service.migrate(t);
  }
}
