package org.openlms.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.openlms.app.LmsProperties;
import org.springframework.stereotype.Component;

/**
 * Limits failed authentication attempts per client address (a token bucket per address), so guessing a
 * 256-bit token, or the admin token, is impractical and noisy clients are cut off early.
 */
@Component
public class AuthFailureLimiter {

  private final int perMinute;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();

  AuthFailureLimiter(LmsProperties props) {
    this.perMinute = Math.max(1, props.api().authFailuresPerMinute());
  }

  /** Whether this address has used up its failures; it may try again once the bucket refills. */
  public boolean blocked(String address) {
    Bucket b = buckets.getIfPresent(address);
    return b != null && b.getAvailableTokens() <= 0;
  }

  public void recordFailure(String address) {
    buckets.get(address, a -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build()).tryConsume(1);
  }

  public int retryAfterSeconds() {
    return (int) Math.ceil(60.0 / perMinute);
  }

  /** Answers 429 and returns true when the client's address has used up its failed attempts. */
  boolean refuseIfBlocked(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res,
      tools.jackson.databind.ObjectMapper json) throws java.io.IOException {
    if (!blocked(req.getRemoteAddr())) {
      return false;
    }
    res.setHeader("Retry-After", String.valueOf(retryAfterSeconds()));
    org.openlms.app.api.ApiErrors.write(res, json, 429, "TooManyRequestsException",
        "Too many failed authentication attempts from this address; try again later");
    return true;
  }
}
