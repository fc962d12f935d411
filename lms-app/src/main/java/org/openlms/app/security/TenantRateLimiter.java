package org.openlms.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.openlms.app.tenancy.Tenant;
import org.springframework.stereotype.Component;

/**
 * Each tenant's API requests per minute (its limit; 0 means unlimited), as a token bucket per tenant, so one
 * tenant's burst cannot take the shared server from the others. Buckets are per node: with several nodes
 * behind a balancer each enforces the limit on its own share (a shared PostgreSQL-backed bucket would make
 * it exact; noted for the scale-out work).
 */
@Component
public class TenantRateLimiter {

  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

  /** Takes one request from the tenant's bucket; false when the minute's requests are used up. */
  public boolean tryAcquire(Tenant tenant) {
    int perMinute = tenant.limits().apiRequestsPerMinute();
    if (perMinute == 0) {
      return true;
    }
    // Keyed by the limit too: a changed limit starts a fresh bucket at once.
    return buckets.get(tenant.id() + "/" + perMinute, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build()).tryConsume(1);
  }
}
