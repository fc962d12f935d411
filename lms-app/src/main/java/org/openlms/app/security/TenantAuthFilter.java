package org.openlms.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openlms.app.api.ApiErrors;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDirectory;
import org.openlms.app.tenancy.TenantStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * The edge of the public API: resolves the tenant once from {@code Autopal-Instance-Id} and the token in
 * {@code Authorization}, and hands it to the controllers as a request attribute, with the token's portfolio
 * restriction beside it. Every failure gets the same
 * 401, so a caller learns nothing about which part was wrong or whether a tenant exists.
 */
public class TenantAuthFilter extends OncePerRequestFilter {

  public static final String TENANT_ATTRIBUTE = "lms.tenant";
  /** The token's {@link PortfolioRestriction}: what the caller may see within the tenant. */
  public static final String RESTRICTION_ATTRIBUTE = "lms.restriction";
  static final String UNAUTHORIZED = "We couldn't validate your API key, tenant ID, or both";

  private final ApiTokenService tokens;
  private final TenantDirectory tenants;
  private final AuthFailureLimiter limiter;
  private final ObjectMapper json;
  private final TenantRateLimiter rates;

  public TenantAuthFilter(ApiTokenService tokens, TenantDirectory tenants, AuthFailureLimiter limiter,
      TenantRateLimiter rates, ObjectMapper json) {
    this.rates = rates;
    this.tokens = tokens;
    this.tenants = tenants;
    this.limiter = limiter;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    if (limiter.refuseIfBlocked(req, res, json)) {
      return;
    }
    String client = req.getRemoteAddr();
    Optional<ApiToken> token = authenticate(req.getHeader("Autopal-Instance-Id"),
        AdminToken.bearer(req.getHeader("Authorization")));
    Optional<Tenant> tenant = token.flatMap(t -> tenants.find(t.tenantId()));
    if (tenant.isEmpty()) {
      limiter.recordFailure(client);
      ApiErrors.write(res, json, 401, "UnauthorizedException", UNAUTHORIZED);
      return;
    }
    if (tenant.get().status() != TenantStatus.ACTIVE) {
      ApiErrors.write(res, json, 403, "TenantUnavailableException",
          "This tenant is " + tenant.get().status().code() + " and cannot serve requests");
      return;
    }
    if (!rates.tryAcquire(tenant.get())) {
      res.setHeader("Retry-After", "1");
      ApiErrors.write(res, json, 429, "TooManyRequestsException", "This tenant's limit of "
          + tenant.get().limits().apiRequestsPerMinute() + " API requests per minute is reached; retry shortly");
      return;
    }
    req.setAttribute(TENANT_ATTRIBUTE, tenant.get());
    req.setAttribute(RESTRICTION_ATTRIBUTE, PortfolioRestriction.of(token.get().portfolioIds()));
    chain.doFilter(req, res);
  }

  private Optional<ApiToken> authenticate(String instanceId, String secret) {
    if (instanceId == null || secret == null || !instanceId.strip().matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return tokens.check(Long.parseLong(instanceId.strip()), secret);
  }
}
