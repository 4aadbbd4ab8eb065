package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.control.TwinStatus;
import dev.darkfactory.twin.document.Json;
import dev.darkfactory.twin.spi.Headers;
import dev.darkfactory.twin.spi.TwinRequest;
import dev.darkfactory.twin.spi.TwinResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reverse proxy in front of an external twin: forwards each vendor request to the twin's process with the
 * namespace the gateway computed ({@value #NAMESPACE_HEADER}), and answers for it when it is gone (503, saying
 * it crashed and is not restarted) or does not answer (502).
 */
final class Gateway implements Backend {

  /** The header that tells an external twin which namespace a request belongs to. */
  static final String NAMESPACE_HEADER = "X-Twin-Namespace";

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
      "trailer", "upgrade", "host", "content-length", "expect", "http2-settings", "x-twin-namespace");
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final String twin;
  private final URI base;
  private final HttpClient http;
  private final StatusHolder status;
  private final SeenNamespaces seen;
  private final Duration timeout;

  Gateway(String twin, URI base, HttpClient http, StatusHolder status, SeenNamespaces seen, Duration timeout) {
    this.twin = twin;
    this.base = base;
    this.http = http;
    this.status = status;
    this.seen = seen;
    this.timeout = timeout;
  }

  @Override
  public Served serve(TwinRequest request, Namespace namespace) {
    TwinStatus current = status.get();
    if (!current.running()) {
      return new Served(unavailable(current), "", Optional.of("twin " + current.state().wire() + ": " + current.detail()));
    }
    seen.request(namespace);
    try {
      HttpResponse<byte[]> response = http.send(forward(request, namespace), HttpResponse.BodyHandlers.ofByteArray());
      return Served.of(new TwinResponse(response.statusCode(), copy(response.headers().map()), response.body()), "");
    } catch (IOException e) {
      TwinStatus after = status.get();
      if (!after.running()) {
        return new Served(unavailable(after), "", Optional.of("twin " + after.state().wire() + ": " + after.detail()));
      }
      return new Served(TwinResponse.json(502, body("twin_bad_gateway", "Twin '" + twin + "' did not answer " + request.describe()
          + ": " + e.getMessage())), "", Optional.of("no answer from the twin's process: " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Served(TwinResponse.json(502, body("twin_bad_gateway", "interrupted")), "", Optional.of("interrupted"));
    }
  }

  private HttpRequest forward(TwinRequest request, Namespace namespace) {
    String target = request.path() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(target)).timeout(timeout)
        .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().values().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name) && !RESTRICTED.contains(name)) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    builder.header(NAMESPACE_HEADER, namespace.id());
    return builder.build();
  }

  private static Headers copy(Map<String, List<String>> headers) {
    Map<String, List<String>> kept = new java.util.LinkedHashMap<>();
    headers.forEach((name, values) -> {
      if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        kept.put(name, values);
      }
    });
    return new Headers(kept);
  }

  private TwinResponse unavailable(TwinStatus current) {
    String message = switch (current.state()) {
      case CRASHED -> "Twin '" + twin + "' is not running: " + current.detail() + ". The runtime does not restart it, because"
          + " its state is gone; start it again (TwinServer.start) and re-seed it.";
      case STOPPED -> "Twin '" + twin + "' was stopped.";
      case STARTING -> "Twin '" + twin + "' is still starting.";
      case RUNNING -> "Twin '" + twin + "' is running.";
    };
    return TwinResponse.json(503, body("twin_unavailable", message)).withHeader("X-Twin-Status", current.state().wire());
  }

  static tools.jackson.databind.node.ObjectNode body(String type, String message) {
    return Json.object().set("error", Json.object().put("type", type).put("message", message));
  }
}
