package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.TwinControlException;
import dev.darkfactory.twin.clock.TwinClock;
import dev.darkfactory.twin.control.NamespaceInfo;
import dev.darkfactory.twin.control.StateBackend;
import dev.darkfactory.twin.document.DocumentNode;
import dev.darkfactory.twin.document.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An external twin's state, through its own control endpoints (the contract in docs/twins.md, "External twins"):
 * reset, seed and snapshot per namespace, clock and ids. A seed the twin refuses with a JSON Pointer is reported
 * at that value's line and column.
 */
final class RemoteState implements StateBackend {

  private final String twin;
  private final URI base;
  private final HttpClient http;
  private final SeenNamespaces seen;
  private final Duration timeout;

  RemoteState(String twin, URI base, HttpClient http, SeenNamespaces seen, Duration timeout) {
    this.twin = twin;
    this.base = base;
    this.http = http;
    this.seen = seen;
    this.timeout = timeout;
  }

  @Override
  public void reset(Optional<Namespace> namespace) {
    call("POST", "reset" + namespace.map(RemoteState::query).orElse(""), Optional.empty());
    seen.reset(namespace);
  }

  @Override
  public void seed(Namespace namespace, DocumentNode state) {
    HttpResponse<byte[]> response = send("POST", "seed" + query(namespace), Optional.of(state.json()));
    if (response.statusCode() == 400) {
      Optional<JsonNode> error = json(response.body()).map(body -> body.path("error"));
      String message = error.map(e -> e.path("message").asString("")).filter(m -> !m.isEmpty()).orElse("the twin refused the seed");
      String pointer = error.map(e -> e.path("pointer").asString("")).orElse("");
      throw state.document().error(state.pointer() + pointer, message);
    }
    expectSuccess(response, "seed");
    seen.seeded(namespace);
  }

  @Override
  public JsonNode snapshot(Namespace namespace) {
    HttpResponse<byte[]> response = call("GET", "snapshot" + query(namespace), Optional.empty());
    return json(response.body()).orElseThrow(() -> new TwinControlException(twin, "its /__twin/snapshot did not answer JSON"));
  }

  @Override
  public List<NamespaceInfo> namespaces() {
    return seen.list();
  }

  @Override
  public void clockChanged(TwinClock.Reading reading) {
    ObjectNode body = Json.object().put("mode", reading.mode().name().toLowerCase(Locale.ROOT)).put("now", reading.now().toString());
    call("POST", "clock", Optional.of(body));
  }

  @Override
  public void idSeedChanged(long seed) {
    call("POST", "ids", Optional.of(Json.object().put("seed", seed)));
  }

  private HttpResponse<byte[]> call(String method, String endpoint, Optional<JsonNode> body) {
    HttpResponse<byte[]> response = send(method, endpoint, body);
    expectSuccess(response, endpoint);
    return response;
  }

  private void expectSuccess(HttpResponse<byte[]> response, String endpoint) {
    int status = response.statusCode();
    String name = endpoint.contains("?") ? endpoint.substring(0, endpoint.indexOf('?')) : endpoint;
    if (status == 404 || status == 405 || status == 501) {
      throw new TwinControlException(twin, "it does not implement " + "/__twin/" + name + " (HTTP " + status + "); see the"
          + " external twin contract in docs/twins.md");
    }
    if (status < 200 || status >= 300) {
      throw new TwinControlException(twin, "its /__twin/" + name + " answered HTTP " + status + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
  }

  private HttpResponse<byte[]> send(String method, String endpoint, Optional<JsonNode> body) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/__twin/" + endpoint)).timeout(timeout)
        .header("Content-Type", "application/json")
        .method(method, body.map(json -> HttpRequest.BodyPublishers.ofByteArray(Json.bytes(json)))
            .orElse(HttpRequest.BodyPublishers.noBody()))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new TwinControlException(twin, "its control endpoint /__twin/" + endpoint + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TwinControlException(twin, "interrupted while calling /__twin/" + endpoint, e);
    }
  }

  private static Optional<JsonNode> json(byte[] body) {
    try {
      return Optional.of(Json.parse(body));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private static String query(Namespace namespace) {
    return "?namespace=" + URLEncoder.encode(namespace.id(), StandardCharsets.UTF_8);
  }
}
