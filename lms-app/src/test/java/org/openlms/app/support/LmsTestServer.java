package org.openlms.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openlms.app.LmsApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * A real LMS server for tests: embedded PostgreSQL in a temporary home, Tomcat on a free port, driven over
 * HTTP like any client. {@link #shared()} is one server for the whole test JVM (tests make their own
 * companies and tenants, so they do not interfere); {@link #start} gives a private one.
 */
public final class LmsTestServer implements AutoCloseable {

  private boolean ownsHome;

  public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
  private static LmsTestServer shared;

  private final Path home;
  private final Map<String, String> settings;
  private ConfigurableApplicationContext context;
  private Http http;

  private LmsTestServer(Path home, Map<String, String> settings) {
    this.home = home;
    this.settings = settings;
  }

  public static synchronized LmsTestServer shared() {
    if (shared == null) {
      shared = start(Map.of());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  /** Starts a private server; {@code overrides} are {@code lms.*} or Spring properties. */
  public static LmsTestServer start(Map<String, String> overrides) {
    try {
      LmsTestServer server = startIn(Files.createTempDirectory("lms-test-"), overrides);
      server.ownsHome = true;
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LmsTestServer startIn(Path home, Map<String, String> overrides) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("server.port", "0");
    s.put("lms.home", home.toString());
    s.put("lms.db.port", "0");
    s.put("lms.admin.token", ADMIN_TOKEN);
    s.put("lms.demo.enabled", "false");
    s.put("lms.api.auth-failures-per-minute", "100000");
    // No nightly trigger and no background workers unless a test asks: maintenance tests drive them.
    s.put("lms.maintenance.enabled", "false");
    s.put("lms.maintenance.workers", "0");
    s.putAll(overrides);
    LmsTestServer server = new LmsTestServer(home, s);
    server.boot();
    return server;
  }

  private void boot() {
    List<String> args = new ArrayList<>();
    settings.forEach((k, v) -> args.add("--" + k + "=" + v));
    context = LmsApplication.start(args.toArray(String[]::new));
    String port = context.getEnvironment().getProperty("local.server.port");
    http = new Http("http://localhost:" + port);
  }

  /** Stops the server (and its embedded PostgreSQL) and starts it again on the same home. */
  public void restart() {
    context.close();
    boot();
  }

  public Http http() {
    return http;
  }

  public Path home() {
    return home;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /**
   * Every mapped public endpoint pattern (e.g. {@code /api/public/api/1/odata.svc/Loans({id})}) with the HTTP
   * methods it takes (GET where a mapping names none), read from the running server, so tests that walk them
   * cover endpoints added later without being touched.
   */
  public Map<String, Set<RequestMethod>> publicEndpoints() {
    Map<String, Set<RequestMethod>> out = new LinkedHashMap<>();
    RequestMappingHandlerMapping mapping = bean(RequestMappingHandlerMapping.class);
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      for (String pattern : e.getKey().getPatternValues()) {
        if (pattern.startsWith("/api/public/")) {
          Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
          out.merge(pattern, methods.isEmpty() ? Set.of(RequestMethod.GET) : methods, (a, b) -> {
            Set<RequestMethod> all = new HashSet<>(a);
            all.addAll(b);
            return all;
          });
        }
      }
    }
    return out;
  }

  /** Creates a company and a tenant through the admin API; returns the tenant id and its first token. */
  public TenantAccess newTenant(Map<String, Object> extra) {
    JsonNode company = http.admin("POST", "/api/admin/companies",
        Map.of("name", "Test Co", "timeZone", "America/Denver")).body().get("d");
    Map<String, Object> body = new LinkedHashMap<>(extra);
    body.put("companyId", company.get("id").asLong());
    body.putIfAbsent("kind", "production");
    Http.Response res = http.admin("POST", "/api/admin/tenants", body);
    if (res.status() != 200) {
      throw new IllegalStateException("Tenant creation failed: " + res.raw());
    }
    JsonNode d = res.body().get("d");
    return new TenantAccess(d.get("id").asLong(), d.get("token").get("token").asString(), company.get("id").asLong());
  }

  public TenantAccess newTenant() {
    return newTenant(Map.of());
  }

  @Override
  public void close() {
    if (context != null && context.isActive()) {
      context.close();
    }
    if (ownsHome) {
      // Each server's embedded PostgreSQL takes about 1 GB; left behind, a few hundred runs filled the disk.
      try (var paths = Files.walk(home)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // best effort: a leftover temporary directory must not fail a test
      }
    }
  }

  /** How a test calls the API as one tenant. */
  public record TenantAccess(long id, String token, long companyId) {}
}
