package org.openlms.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Options and HTTP calls shared by the admin commands: they talk to a running server's admin API, so the
 * CLI works the same against the embedded database and an external one, on this machine or another.
 */
final class AdminClient {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  @Option(names = "--url", description = "Server URL (default http://localhost:8080, or LMS_URL)")
  String url;

  @Option(names = "--admin-token", description = "Admin token (default LMS_ADMIN_TOKEN, or LMS_HOME/admin.token)")
  String adminToken;

  /** Sends a request and prints the {@code d} of the answer as JSON; returns the exit code. */
  int call(String method, String path, Object body) {
    try {
      Answer answer = send(method, path, body);
      if (answer.status() != 200) {
        System.err.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer.body()));
        return 1;
      }
      System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer.body().get("d")));
      return 0;
    } catch (IOException e) {
      System.err.println(unreachable(e));
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
  }

  /** Sends a request whose answer is one JSON document per line, handing each line over as it arrives. */
  int stream(String method, String path, Object body, java.util.function.Consumer<JsonNode> onLine) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin" + path))
          .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
      HttpResponse<java.util.stream.Stream<String>> res =
          HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofLines());
      if (res.statusCode() != 200) {
        res.body().forEach(System.err::println);
        return 1;
      }
      res.body().filter(l -> !l.isBlank()).map(JSON::readTree).forEach(onLine);
      return 0;
    } catch (IOException e) {
      System.err.println("{\"error\":\"Cannot reach the server at " + baseUrl() + ": "
          + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}");
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
  }

  /** Sends a request and returns the status and the parsed answer, for commands that print their own way. */
  Answer send(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin" + path))
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", "Bearer " + token())
        .header("Content-Type", "application/json");
    req.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    HttpResponse<String> res = HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(res.statusCode(), JSON.readTree(res.body()));
  }

  String unreachable(IOException e) {
    return "{\"error\":\"Cannot reach the server at " + baseUrl() + ": " + String.valueOf(e.getMessage())
        .replace("\"", "'") + "\"}";
  }

  static String pretty(JsonNode node) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }

  /** An HTTP status and the JSON answer. */
  record Answer(int status, JsonNode body) {}

  private String baseUrl() {
    String u = url != null ? url : System.getenv().getOrDefault("LMS_URL", "http://localhost:8080");
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  private String token() throws IOException {
    if (adminToken != null) {
      return adminToken;
    }
    String env = System.getenv("LMS_ADMIN_TOKEN");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    Path file = Path.of(System.getenv().getOrDefault("LMS_HOME", "data")).resolve("admin.token");
    if (!Files.exists(file)) {
      throw new IOException("no admin token: set LMS_ADMIN_TOKEN or pass --admin-token (looked in " + file + ")");
    }
    return Files.readString(file).strip();
  }
}
