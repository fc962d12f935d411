package org.openlms.app.api.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.portfolio.PortfolioService;
import org.openlms.app.security.ApiTokenService;
import org.openlms.app.security.IssuedToken;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDataSources;
import org.openlms.app.tenancy.TenantDatabases;
import org.openlms.app.tenancy.TenantKind;
import org.openlms.app.tenancy.TenantLimits;
import org.openlms.app.tenancy.TenantService;
import org.openlms.app.tenancy.TenantStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's API for companies, tenants and tokens, guarded by the admin token. Answers use the same
 * {@code {"d": ...}} envelope and error shapes as the public API.
 */
@RestController
@RequestMapping("/api/admin")
class AdminController {

  private final TenantService tenants;
  private final ApiTokenService tokens;
  private final TenantDatabases databases;
  private final TenantDataSources pools;
  private final PortfolioService portfolios;

  AdminController(TenantService tenants, ApiTokenService tokens, TenantDatabases databases,
      TenantDataSources pools, PortfolioService portfolios) {
    this.portfolios = portfolios;
    this.tenants = tenants;
    this.tokens = tokens;
    this.databases = databases;
    this.pools = pools;
  }

  @PostMapping("/companies")
  Map<String, Object> createCompany(@RequestBody AdminRequests.CreateCompany req) {
    return d(AdminViews.company(tenants.createCompany(req.name(), req.timeZone())));
  }

  @GetMapping("/companies")
  Map<String, Object> companies() {
    return results(tenants.companies().stream().map(AdminViews::company).toList());
  }

  @PostMapping("/tenants")
  Map<String, Object> createTenant(@RequestBody AdminRequests.CreateTenant req) {
    if (req.companyId() == null) {
      throw new InvalidInputException("companyId is required");
    }
    TenantKind kind = kind(req.kind());
    TenantService.DedicatedServer server = req.dbUrl() == null || req.dbUrl().isBlank() ? null
        : new TenantService.DedicatedServer(req.dbUrl().strip(), req.dbUser(), req.dbPassword());
    TenantLimits d = tenants.defaultLimits();
    TenantLimits limits = limits(req.maxConnections(), req.maxLoans(), req.maxRules(),
        req.apiRequestsPerMinute(), d);
    Tenant t = tenants.createTenant(req.companyId(), kind, server, limits);
    Map<String, Object> view = view(t);
    if (t.status() == TenantStatus.ACTIVE) {
      IssuedToken token = tokens.issue(t.id(), req.tokenLabel() == null ? "first token" : req.tokenLabel());
      view.put("token", AdminViews.issued(token));
    }
    return d(view);
  }

  private static TenantKind kind(String code) {
    try {
      return TenantKind.fromCode(code == null ? "" : code.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  private static TenantLimits limits(Integer conns, Long loans, Integer rules, Integer rpm, TenantLimits d) {
    try {
      return new TenantLimits(conns == null ? d.maxConnections() : conns, loans == null ? d.maxLoans() : loans,
          rules == null ? d.maxRules() : rules, rpm == null ? d.apiRequestsPerMinute() : rpm);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  @GetMapping("/tenants")
  Map<String, Object> listTenants() {
    return results(tenants.tenants().stream().map(this::view).toList());
  }

  @GetMapping("/tenants/{id}")
  Map<String, Object> tenant(@PathVariable long id) {
    return d(view(tenants.tenant(id)));
  }

  @PutMapping("/tenants/{id}")
  Map<String, Object> updateTenant(@PathVariable long id, @RequestBody AdminRequests.UpdateTenant req) {
    Tenant t = tenants.tenant(id);
    if (req.maxConnections() != null || req.maxLoans() != null || req.maxRules() != null
        || req.apiRequestsPerMinute() != null) {
      t = tenants.updateLimits(id, limits(req.maxConnections(), req.maxLoans(), req.maxRules(),
          req.apiRequestsPerMinute(), t.limits()));
    }
    if (req.status() != null) {
      t = tenants.setStatus(id, status(req.status()));
    }
    return d(view(t));
  }

  private static TenantStatus status(String code) {
    return switch (code.strip()) {
      case "active" -> TenantStatus.ACTIVE;
      case "suspended" -> TenantStatus.SUSPENDED;
      case "removed" -> TenantStatus.REMOVED;
      default -> throw new InvalidInputException("status must be active, suspended or removed");
    };
  }

  /** Removes a tenant from service: its pool closes and its tokens stop working. Its database is kept. */
  @DeleteMapping("/tenants/{id}")
  Map<String, Object> removeTenant(@PathVariable long id) {
    return d(view(tenants.setStatus(id, TenantStatus.REMOVED)));
  }

  /** With {@code portfolioIds}, the token sees and changes only loans in those portfolios (restriction groups). */
  @PostMapping("/tenants/{id}/tokens")
  Map<String, Object> createToken(@PathVariable long id, @RequestBody(required = false) AdminRequests.CreateToken req) {
    List<Long> portfolioIds = req == null ? null : req.portfolioIds();
    if (portfolioIds != null) {
      if (portfolioIds.isEmpty() || portfolioIds.size() > 100 || portfolioIds.stream().anyMatch(p -> p == null || p <= 0)) {
        throw new InvalidInputException("portfolioIds must list 1 to 100 portfolio ids (leave it out for a token "
            + "that sees the whole tenant)");
      }
      portfolioIds = portfolioIds.stream().distinct().sorted().toList();
      List<Long> missing = portfolios.missing(tenants.tenant(id), portfolioIds);
      if (!missing.isEmpty()) {
        throw new InvalidInputException("portfolioIds: no portfolio " + missing + " in tenant " + id);
      }
    }
    return d(AdminViews.issued(tokens.issue(id, req == null ? null : req.label(), portfolioIds)));
  }

  @GetMapping("/tenants/{id}/tokens")
  Map<String, Object> listTokens(@PathVariable long id) {
    return results(tokens.list(id).stream().map(AdminViews::token).toList());
  }

  @DeleteMapping("/tokens/{tokenId}")
  Map<String, Object> revoke(@PathVariable long tokenId) {
    return d(AdminViews.token(tokens.revoke(tokenId)));
  }

  @PostMapping("/tokens/revoke")
  Map<String, Object> revokeSecret(@RequestBody AdminRequests.RevokeToken req) {
    if (req.token() == null || req.token().isBlank()) {
      throw new InvalidInputException("token is required");
    }
    return d(AdminViews.token(tokens.revokeSecret(req.token().strip())));
  }

  private Map<String, Object> view(Tenant t) {
    return AdminViews.tenant(t, databases, pools.isOpen(t.id()));
  }

  private static Map<String, Object> d(Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("d", value);
    return m;
  }

  private static Map<String, Object> results(List<?> rows) {
    return d(Map.of("results", rows));
  }
}
