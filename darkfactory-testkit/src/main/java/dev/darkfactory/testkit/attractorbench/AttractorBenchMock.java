package dev.darkfactory.testkit.attractorbench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AttractorBench mock LLM server, as the benchmark describes it, on loopback. Routes: {@code
 * GET /health}, {@code /v1/models}, {@code /requests} (the request log), {@code /requests/reset};
 * {@code POST /v1/responses} and {@code /v1/chat/completions} (both answered in Responses shape),
 * {@code /v1/messages}, any path containing {@code generateContent} (Gemini JSON) or {@code
 * streamGenerateContent} (a JSON array of one Gemini response), {@code /v1/rate-limited} (429, {@code Retry-After: 1}) and {@code /v1/auth-error}
 * (401). Non-streaming requests with tools get one {@code get_weather} call per path, then text.
 *
 * <p>It speaks HTTP/1.0 like Python's {@code BaseHTTPRequestHandler}: one request per connection,
 * request bodies read by {@code Content-Length} only (a chunked request body is refused with 411,
 * where the real mock would silently read nothing), streams of {@code data: <json>} frames with no
 * {@code event:} lines and no {@code [DONE]}, ended by closing the connection.
 *
 * <pre>{@code
 * try (AttractorBenchMock mock = AttractorBenchMock.start(0)) {
 *   Map<String, String> env = mock.environment();   // OPENAI_BASE_URL=http://127.0.0.1:PORT/v1, ...
 * }
 * }</pre>
 */
public final class AttractorBenchMock implements AutoCloseable {
  private final ServerSocket server;
  private final Thread acceptor;
  private final List<ObjectNode> log = new ArrayList<>();
  private final Set<String> toolCallSent = new HashSet<>();

  private AttractorBenchMock(ServerSocket server) {
    this.server = server;
    this.acceptor = Thread.ofVirtual().name("bench-mock-accept").start(this::acceptLoop);
  }

  /** Listens on {@code port} of the loopback interface; 0 picks a free port. */
  public static AttractorBenchMock start(int port) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return new AttractorBenchMock(socket);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** The variables the benchmark sets for a run, pointing at this mock. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OPENAI_API_KEY", "test-key");
    env.put("OPENAI_BASE_URL", baseUrl() + "/v1");
    env.put("ANTHROPIC_API_KEY", "test-key");
    env.put("ANTHROPIC_BASE_URL", baseUrl());
    env.put("GEMINI_API_KEY", "test-key");
    env.put("GEMINI_BASE_URL", baseUrl());
    return env;
  }

  /** A copy of the request log: {@code method}, {@code path}, {@code headers}, {@code body}, {@code timestamp}. */
  public synchronized List<JsonNode> requests() {
    return log.stream().map(entry -> (JsonNode) entry.deepCopy()).toList();
  }

  /** POST requests whose path contains {@code pathPart}. */
  public synchronized List<JsonNode> posts(String pathPart) {
    return requests().stream()
        .filter(r -> r.path("method").asString().equals("POST") && r.path("path").asString().contains(pathPart))
        .toList();
  }

  /** Clears the request log (and the per-path tool-call memory), as {@code GET /requests/reset} does. */
  public synchronized void reset() {
    log.clear();
    toolCallSent.clear();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor.interrupt();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread.ofVirtual().name("bench-mock-conn").start(() -> serve(socket));
      } catch (IOException closed) {
        return; // close() was called
      }
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
      socket.setTcpNoDelay(true);
      String requestLine = readLine(in);
      if (requestLine == null || requestLine.isBlank()) {
        return;
      }
      String[] parts = requestLine.split(" ");
      String method = parts[0].toUpperCase(Locale.ROOT);
      String path = parts.length > 1 ? parts[1] : "/";
      Map<String, String> headers = readHeaders(in);
      if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
        record(method, path, headers, "");
        respond(out, 411, BenchReplies.error("chunked request bodies are not supported: send Content-Length", "invalid_request_error"), Map.of());
        return;
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0").trim());
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      record(method, path, headers, body);
      if (method.equals("GET")) {
        get(out, path);
      } else {
        post(out, path, body);
      }
    } catch (IOException | RuntimeException broken) {
      // A client that hangs up early is its own problem; the mock keeps serving others.
    }
  }

  private void get(OutputStream out, String path) throws IOException {
    switch (path) {
      case "/requests" -> {
        ObjectNode body = BenchReplies.MAPPER.createObjectNode();
        ArrayNode requests = body.putArray("requests");
        requests().forEach(requests::add);
        respond(out, 200, body, Map.of());
      }
      case "/requests/reset" -> {
        reset();
        respond(out, 200, BenchReplies.MAPPER.createObjectNode().put("status", "reset").put("count", 0), Map.of());
      }
      case "/v1/models", "/models" -> respond(out, 200, BenchReplies.models(), Map.of());
      case "/health" -> respond(out, 200, BenchReplies.MAPPER.createObjectNode().put("status", "ok"), Map.of());
      default -> respond(out, 404, BenchReplies.MAPPER.createObjectNode().put("error", "not found"), Map.of());
    }
  }

  private void post(OutputStream out, String path, String text) throws IOException {
    JsonNode data;
    try {
      data = BenchReplies.MAPPER.readTree(text.isEmpty() ? "{}" : text);
    } catch (JacksonException notJson) {
      data = BenchReplies.MAPPER.createObjectNode();
    }
    boolean stream = data.path("stream").asBoolean(false);
    boolean tools = data.path("tools").isArray() && !data.path("tools").isEmpty();
    if (path.equals("/v1/responses") || path.equals("/v1/chat/completions")) {
      if (stream) {
        sse(out, BenchReplies.openAiStream());
      } else {
        respond(out, 200, tools && firstToolCall(path) ? BenchReplies.openAiToolCall() : BenchReplies.openAiText(), Map.of());
      }
    } else if (path.equals("/v1/messages") || path.equals("/messages")) {
      if (stream) {
        sse(out, BenchReplies.anthropicStream());
      } else {
        respond(out, 200, tools && firstToolCall(path) ? BenchReplies.anthropicToolCall() : BenchReplies.anthropicText(), Map.of());
      }
    } else if (path.contains("generateContent")) {
      respond(out, 200, BenchReplies.geminiText(), Map.of());
    } else if (path.contains("streamGenerateContent")) {
      // Gemini's non-SSE stream form: a JSON array of chunks (here one), as the benchmark's mock answers.
      respond(out, 200, BenchReplies.MAPPER.createArrayNode().add(BenchReplies.geminiText()), Map.of());
    } else if (path.equals("/v1/rate-limited")) {
      respond(out, 429, BenchReplies.error("Rate limited", "rate_limit_error"), Map.of("Retry-After", "1"));
    } else if (path.equals("/v1/auth-error")) {
      respond(out, 401, BenchReplies.error("Invalid API key", "authentication_error"), Map.of());
    } else {
      respond(out, 404, BenchReplies.MAPPER.createObjectNode().put("error", "Unknown path: " + path), Map.of());
    }
  }

  /** One {@code get_weather} call per path; every later request with tools gets text, so agent loops end. */
  private synchronized boolean firstToolCall(String path) {
    return toolCallSent.add(path);
  }

  private synchronized void record(String method, String path, Map<String, String> headers, String body) {
    ObjectNode entry = BenchReplies.MAPPER.createObjectNode().put("method", method).put("path", path);
    ObjectNode headerNode = entry.putObject("headers");
    headers.forEach(headerNode::put);
    entry.put("body", body).put("timestamp", Instant.now().toEpochMilli() / 1000.0);
    log.add(entry);
  }

  private static void respond(OutputStream out, int status, JsonNode body, Map<String, String> extraHeaders) throws IOException {
    byte[] bytes = BenchReplies.MAPPER.writeValueAsBytes(body);
    StringBuilder head = new StringBuilder("HTTP/1.0 ").append(status).append(' ').append(reason(status)).append("\r\n")
        .append("Server: AttractorBenchMock\r\nContent-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n");
    extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  /** Data-only SSE; the stream ends when the connection closes (no length, no terminator). */
  private static void sse(OutputStream out, List<JsonNode> events) throws IOException {
    out.write(("HTTP/1.0 200 OK\r\nServer: AttractorBenchMock\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    for (JsonNode event : events) {
      out.write(("data: " + BenchReplies.MAPPER.writeValueAsString(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 411 -> "Length Required";
      case 429 -> "Too Many Requests";
      default -> "Status";
    };
  }

  private static Map<String, String> readHeaders(InputStream in) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    String line;
    while ((line = readLine(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
    }
    return headers;
  }

  /** One CRLF- or LF-terminated header line, or null at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    if (b == -1 && line.size() == 0) {
      return null;
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
