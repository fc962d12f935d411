package org.openlms.app.api;

import java.util.List;
import org.openlms.app.LmsProperties;
import org.openlms.app.portfolio.PortfolioRestriction;
import org.openlms.app.security.AdminAuthFilter;
import org.openlms.app.security.AdminToken;
import org.openlms.app.security.ApiTokenService;
import org.openlms.app.security.AuthFailureLimiter;
import org.openlms.app.security.TenantAuthFilter;
import org.openlms.app.security.TenantRateLimiter;
import org.openlms.app.tenancy.Tenant;
import org.openlms.app.tenancy.TenantDirectory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.ObjectMapper;

/**
 * The HTTP edge: body size limit, then authentication (tenant tokens for the public API, the admin token for
 * the admin API), then controllers, which receive the resolved {@link Tenant} and the token's
 * {@link PortfolioRestriction} as parameters.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

  static final String PUBLIC = "/api/public/*";
  static final String ADMIN = "/api/admin/*";

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimit(LmsProperties props, ObjectMapper json) {
    var reg = new FilterRegistrationBean<>(new BodySizeLimitFilter(props.api().maxBodySize().toBytes(), json));
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    reg.addUrlPatterns("/*");
    return reg;
  }

  @Bean
  FilterRegistrationBean<ODataPathFilter> odataPaths() {
    var reg = new FilterRegistrationBean<>(new ODataPathFilter());
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    reg.addUrlPatterns(PUBLIC);
    return reg;
  }

  @Bean
  FilterRegistrationBean<TenantAuthFilter> tenantAuth(ApiTokenService tokens,
      TenantDirectory tenants, AuthFailureLimiter limiter, TenantRateLimiter rates, ObjectMapper json) {
    var reg = new FilterRegistrationBean<>(new TenantAuthFilter(tokens, tenants, limiter, rates, json));
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    reg.addUrlPatterns(PUBLIC);
    return reg;
  }

  @Bean
  FilterRegistrationBean<AdminAuthFilter> adminAuth(AdminToken admin, AuthFailureLimiter limiter,
      ObjectMapper json) {
    var reg = new FilterRegistrationBean<>(new AdminAuthFilter(admin, limiter, json));
    reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    reg.addUrlPatterns(ADMIN);
    return reg;
  }

  /** Spring's request mappings, with a cheap first test of each pattern's fixed text (see the class). */
  @Bean
  WebMvcRegistrations prefilteredRequestMappings() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PrefilteredRequestMappings();
      }
    };
  }

  @Override
  public void configureContentNegotiation(
      org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer c) {
    // The API speaks JSON only, as LoanPro's does: a client whose Accept names only XML or HTML gets the JSON
    // answer (errors in their envelope) rather than an empty 406.
    c.ignoreAcceptHeader(true).defaultContentTypeStrategy(
        request -> org.springframework.web.accept.ContentNegotiationStrategy.MEDIA_TYPE_ALL_LIST);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new EdgeResolved(Tenant.class, TenantAuthFilter.TENANT_ATTRIBUTE));
    resolvers.add(new EdgeResolved(PortfolioRestriction.class, TenantAuthFilter.RESTRICTION_ATTRIBUTE));
    resolvers.add(new org.openlms.app.api.odata.ODataOptionsResolver());
  }

  /**
   * Gives controllers what the edge resolved (the tenant, the token's portfolio restriction); a controller
   * cannot pick another one, and a request the edge did not resolve fails closed.
   */
  private record EdgeResolved(Class<?> type, String attribute) implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter p) {
      return p.getParameterType() == type;
    }

    @Override
    public Object resolveArgument(MethodParameter p, ModelAndViewContainer m, NativeWebRequest req,
        WebDataBinderFactory f) {
      Object value = req.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
      if (value == null) {
        throw new IllegalStateException("No " + type.getSimpleName() + " resolved for " + p.getMethod());
      }
      return value;
    }
  }
}
