package org.openlms.app.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Tenant look-ups for the request path, cached briefly so authenticating a request does not cost a control
 * database query. Changes made on this node invalidate at once; other nodes see them within the TTL.
 */
@Component
public class TenantDirectory {

  private final TenantRepository tenants;
  private final Cache<Long, Optional<Tenant>> cache =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(100_000).build();

  TenantDirectory(TenantRepository tenants) {
    this.tenants = tenants;
  }

  public Optional<Tenant> find(long id) {
    return cache.get(id, tenants::find);
  }

  public void invalidate(long id) {
    cache.invalidate(id);
  }
}
