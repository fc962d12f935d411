package org.openlms.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openlms.app.api.ApiErrors;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/** Guards the admin API with the admin token; failures count against the client's address like API ones. */
public class AdminAuthFilter extends OncePerRequestFilter {

  private final AdminToken admin;
  private final AuthFailureLimiter limiter;
  private final ObjectMapper json;

  public AdminAuthFilter(AdminToken admin, AuthFailureLimiter limiter, ObjectMapper json) {
    this.admin = admin;
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
    if (!admin.matches(AdminToken.bearer(req.getHeader("Authorization")))) {
      limiter.recordFailure(client);
      ApiErrors.write(res, json, 401, "UnauthorizedException", "A valid admin token is required");
      return;
    }
    chain.doFilter(req, res);
  }
}
