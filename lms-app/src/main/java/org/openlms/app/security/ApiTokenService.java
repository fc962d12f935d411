package org.openlms.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.openlms.app.errors.NotFoundException;
import org.openlms.app.tenancy.TenantService;
import org.springframework.stereotype.Service;

/**
 * Issues, checks and revokes tenant API tokens. A token is 256 random bits; only its SHA-256 is stored
 * (a salt adds nothing against a 256-bit secret). Successful checks are cached for a few seconds so the
 * request path does not query the control database each time; a revocation clears this node's cache at once.
 */
@Service
public class ApiTokenService {

  static final String PREFIX = "lms_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiTokenRepository tokens;
  private final TenantService tenants;
  private final Cache<String, ApiToken> valid =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(10)).maximumSize(100_000).build();

  ApiTokenService(ApiTokenRepository tokens, TenantService tenants) {
    this.tokens = tokens;
    this.tenants = tenants;
  }

  public IssuedToken issue(long tenantId, String label) {
    return issue(tenantId, label, null);
  }

  /**
   * A token restricted to {@code portfolioIds} (null: the whole tenant). The caller checks that the portfolios
   * exist in the tenant's database; the restriction is fixed for the token's life (issue another to change it).
   */
  public IssuedToken issue(long tenantId, String label, List<Long> portfolioIds) {
    tenants.tenant(tenantId);
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    ApiToken t = tokens.insert(tenantId, hash(secret), secret.substring(0, 10), label, portfolioIds);
    return new IssuedToken(t, secret);
  }

  /** The active token with this secret, if it belongs to {@code tenantId}; empty for anything else. */
  public Optional<ApiToken> check(long tenantId, String secret) {
    if (secret == null || secret.length() > 200) {
      return Optional.empty();
    }
    byte[] h = hash(secret);
    String key = HexFormat.of().formatHex(h);
    ApiToken t = valid.getIfPresent(key);
    if (t == null) {
      t = tokens.findActiveByHash(h).orElse(null);
      if (t != null) {
        valid.put(key, t);
      }
    }
    return t != null && t.tenantId() == tenantId ? Optional.of(t) : Optional.empty();
  }

  public List<ApiToken> list(long tenantId) {
    tenants.tenant(tenantId);
    return tokens.listOfTenant(tenantId);
  }

  public ApiToken revoke(long tokenId) {
    tokens.find(tokenId).orElseThrow(() -> new NotFoundException("Tokens"));
    tokens.revoke(tokenId);
    valid.invalidateAll();
    return tokens.find(tokenId).orElseThrow();
  }

  public ApiToken revokeSecret(String secret) {
    ApiToken t = tokens.findByHash(hash(secret)).orElseThrow(() -> new NotFoundException("Tokens"));
    return revoke(t.id());
  }

  static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
