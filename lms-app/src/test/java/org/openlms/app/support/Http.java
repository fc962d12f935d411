package org.openlms.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests, speaking to the server as integrators do. */
public final class Http {

  public static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(String base) {
    this.base = base;
  }

  public String base() {
    return base;
  }

  public Response admin(String method, String path, Object body) {
    return send(method, path, body == null ? null : write(body), Map.of("Authorization", "Bearer " + LmsTestServer.ADMIN_TOKEN));
  }

  public Response api(String method, String path, long tenantId, String token, String body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", "Bearer " + token);
    h.put("Autopal-Instance-Id", String.valueOf(tenantId));
    return send(method, path, body, h);
  }

  public Response send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(req::header);
    if (body != null) {
      req.header("Content-Type", "application/json");
    }
    req.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return exchange(req.build());
  }

  public Response exchange(HttpRequest request) {
    try {
      HttpResponse<String> res = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(res.statusCode(), parse(res.body()), res.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (RuntimeException e) {
      return null;
    }
  }

  public static String write(Object body) {
    return body instanceof String s ? s : JSON.writeValueAsString(body);
  }

  /** A response: status, parsed JSON (null if not JSON) and the raw text. */
  public record Response(int status, JsonNode body, String raw) {
    public String errorMessage() {
      return body.path("error").path("message").path("value").asString();
    }

    public String errorType() {
      return body.path("error").path("type").asString();
    }
  }
}
