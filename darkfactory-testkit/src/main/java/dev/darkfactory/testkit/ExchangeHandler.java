package dev.darkfactory.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.darkfactory.testkit.wire.ReplyPlan;
import dev.darkfactory.testkit.wire.SseFrame;
import dev.darkfactory.testkit.wire.Wire;
import dev.darkfactory.testkit.wire.WireEncoder;
import dev.darkfactory.testkit.wire.WireFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** Serves one HTTP exchange of the twin: records it, routes it, and writes the scripted reply or fault. */
final class ExchangeHandler implements HttpHandler {

  private final FakeProviderServer server;
  private final CountDownLatch closing;

  ExchangeHandler(FakeProviderServer server, CountDownLatch closing) {
    this.server = server;
    this.closing = closing;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    server.record(new RecordedRequest(exchange.getRequestMethod(), path, query, lowerCase(exchange), body));
    try (exchange) {
      if ("GET".equals(exchange.getRequestMethod())) {
        get(exchange, path, query);
        return;
      }
      Optional<WireFormat> format = WireFormat.detect(path).or(() -> sniff(exchange, body));
      if (format.isEmpty()) {
        json(exchange, 404, Wire.object().set("error", Wire.object().put("message", "The twin does not serve " + path)));
        return;
      }
      post(exchange, format.get(), path, query, body);
    }
  }

  private static Optional<WireFormat> sniff(HttpExchange exchange, String body) {
    try {
      JsonNode json = Wire.MAPPER.readTree(body.isBlank() ? "{}" : body);
      boolean anthropic = exchange.getRequestHeaders().containsKey("anthropic-version");
      return WireFormat.sniff(json, anthropic);
    } catch (tools.jackson.core.JacksonException e) {
      return Optional.empty();
    }
  }

  private void get(HttpExchange exchange, String path, String query) throws IOException {
    List<String> models = server.script().models();
    switch (path) {
      case "/health" -> json(exchange, 200, Wire.object().put("status", "ok"));
      // OpenAI and Anthropic share the path; Anthropic's clients always send anthropic-version.
      case "/v1/models", "/models" -> answer(exchange, exchange.getRequestHeaders().containsKey("anthropic-version")
          ? ModelLists.anthropic(models, query)
          : ModelLists.openAi(models));
      case "/v1beta/models" -> answer(exchange, ModelLists.gemini(models, query));
      case "/requests" -> json(exchange, 200, Wire.MAPPER.valueToTree(server.requests()));
      case "/requests/reset" -> {
        server.clearRequests();
        json(exchange, 200, Wire.object().put("status", "reset"));
      }
      default -> json(exchange, 404, Wire.object().set("error", Wire.object().put("message", "Not found: " + path)));
    }
  }

  private void post(HttpExchange exchange, WireFormat format, String path, String query, String body) throws IOException {
    WireEncoder encoder = format.encoder();
    JsonNode request;
    try {
      request = Wire.MAPPER.readTree(body.isBlank() ? "{}" : body);
    } catch (tools.jackson.core.JacksonException e) {
      error(exchange, encoder, (Fault.HttpError) Fault.badRequest("We could not parse the JSON body of your request."));
      return;
    }
    Optional<Fault> rejection = server.authenticate(format, exchange, query).or(() -> RequestValidator.check(format, request));
    if (rejection.isPresent()) {
      error(exchange, encoder, (Fault.HttpError) rejection.get());
      return;
    }
    Optional<Reply> reply = server.nextReply(path, body);
    if (reply.isEmpty()) {
      error(exchange, encoder, new Fault.HttpError(500, WireEncoder.ErrorKind.SERVER,
          "The twin has no scripted reply left for " + path, Map.of()));
      return;
    }
    serve(exchange, format, encoder, path, request, reply.get());
  }

  private void serve(HttpExchange exchange, WireFormat format, WireEncoder encoder, String path, JsonNode request, Reply reply)
      throws IOException {
    Optional<Fault> fault = reply.fault();
    if (fault.isPresent()) {
      switch (fault.get()) {
        case Fault.HttpError error -> {
          error(exchange, encoder, error);
          return;
        }
        case Fault.Delay delay -> pause(delay.delay().toMillis());
        case Fault.Disconnect ignored -> throw new DisconnectRequested();
        case Fault.MalformedJson malformed -> {
          if (!format.streaming(path, request)) {
            raw(exchange, 200, "application/json", "{\"id\": \"broken".getBytes(StandardCharsets.UTF_8));
            return;
          }
        }
        case Fault.StallStream ignored -> {
          // Applied while streaming.
        }
        case Fault.CutStream ignored -> {
          // Applied while streaming.
        }
        case Fault.TruncateStream ignored -> {
          // Applied while streaming.
        }
      }
    }
    reply.rateLimit().ifPresent(limits -> limits.headers(format).forEach(exchange.getResponseHeaders()::set));
    reply.headers().forEach(exchange.getResponseHeaders()::set);
    ReplyPlan plan = server.plan(format, path, request, reply);
    if (format.streaming(path, request)) {
      new StreamWriter(exchange, encoder, server.script().streamStyle(), reply, closing).write(encoder.stream(plan, request));
    } else {
      json(exchange, 200, encoder.response(plan, request));
    }
  }

  private void error(HttpExchange exchange, WireEncoder encoder, Fault.HttpError error) throws IOException {
    error.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    json(exchange, error.status(), encoder.error(error.kind(), error.status(), error.message()));
  }

  private static void answer(HttpExchange exchange, ModelLists.Answer answer) throws IOException {
    json(exchange, answer.status(), answer.body());
  }

  static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
    raw(exchange, status, "application/json", Wire.MAPPER.writeValueAsBytes(body));
  }

  static void raw(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, List<String>> lowerCase(HttpExchange exchange) {
    Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    return headers;
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Thrown to make the JDK server drop the connection without a response. */
  static final class DisconnectRequested extends RuntimeException {
    DisconnectRequested() {
      super("Scripted disconnect", null, false, false);
    }
  }
}
