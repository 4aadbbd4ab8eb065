package dev.darkfactory.server;

import dev.darkfactory.server.api.WireJson;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.server.run.EngineExecutor;
import dev.darkfactory.server.run.PipelineExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/** A server on a free loopback port over a temporary data directory, with a small JSON client. */
public final class TestServer implements AutoCloseable {
  public final DarkFactoryServer server;
  public final Path dataDir;
  public final List<ServerEvent> events = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String token;

  private TestServer(Path dataDir, Consumer<ServerConfig.Builder> customize, String token) {
    // No provider variables: tests never reach a real LLM, whatever keys the developer's shell has.
    this(dataDir, new EngineExecutor(dataDir, Environment.of(Map.of())), customize, token);
  }

  private TestServer(Path dataDir, PipelineExecutor executor, Consumer<ServerConfig.Builder> customize, String token) {
    this.dataDir = dataDir;
    this.token = token;
    ServerConfig.Builder builder = ServerConfig.newBuilder(dataDir, executor).port(0).listener(events::add);
    customize.accept(builder);
    this.server = DarkFactoryServer.create(builder.build()).start();
  }

  /** A server running pipelines with {@code executor} (an agent-capable one pointed at the LLM twin, say). */
  public static TestServer start(Path dataDir, PipelineExecutor executor) {
    return new TestServer(dataDir, executor, b -> {}, null);
  }

  public static TestServer start(Path dataDir) {
    return new TestServer(dataDir, b -> {}, null);
  }

  public static TestServer start(Path dataDir, Consumer<ServerConfig.Builder> customize) {
    return new TestServer(dataDir, customize, null);
  }

  /** A client that sends {@code token} as a bearer token. */
  public static TestServer startWithToken(Path dataDir, String token, Consumer<ServerConfig.Builder> customize) {
    return new TestServer(dataDir, b -> {
      b.token(java.util.Optional.of(token));
      customize.accept(b);
    }, token);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  public static String pipeline(String name) {
    try (var in = TestServer.class.getResourceAsStream("/pipelines/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response get(String path) {
    return send(request(path).GET().build());
  }

  public Response post(String path, Object body) {
    String json = body instanceof String s ? s : WireJson.mapper().writeValueAsString(body);
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  public Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpClient http() {
    return http;
  }

  /** Submits a pipeline on the simulation backend; returns the run ID. */
  public String submit(String dot) {
    return submit(Map.of("dot", dot));
  }

  public String submit(Map<String, ?> body) {
    Response response = post("/pipelines", body);
    if (response.status() != 201) {
      throw new AssertionError("submit failed: " + response);
    }
    return response.json().path("id").asString();
  }

  /** Polls {@code GET /pipelines/{id}} until {@code status}. */
  public JsonNode awaitStatus(String id, String status) {
    return await(id, run -> run.path("run").path("status").asString().equals(status), "status " + status);
  }

  /** Polls until the run has a pending question; returns it. */
  public JsonNode awaitQuestion(String id) {
    return await(id, run -> !run.path("questions").isEmpty(), "a question").path("questions").get(0);
  }

  public JsonNode await(String id, java.util.function.Predicate<JsonNode> condition, String what) {
    java.util.concurrent.atomic.AtomicReference<JsonNode> last = new java.util.concurrent.atomic.AtomicReference<>();
    try {
      Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
        Response response = get("/pipelines/" + id);
        if (response.status() != 200) {
          return false;
        }
        last.set(response.json());
        return condition.test(last.get());
      });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("run " + id + " did not reach " + what + " within 60 s; last seen: " + last.get(), e);
    }
    return last.get();
  }

  @Override
  public void close() {
    server.close();
  }

  /** A response: status, body, headers. */
  public record Response(int status, String body, Map<String, List<String>> headers) {
    public JsonNode json() {
      return WireJson.mapper().readTree(body);
    }

    public String errorCode() {
      return json().path("error").path("code").asString();
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().getFirst()).orElse(null);
    }
  }

  static Path tempDir(Path parent, String name) {
    try {
      return Files.createDirectories(parent.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
