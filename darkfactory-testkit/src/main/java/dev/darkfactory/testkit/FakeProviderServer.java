package dev.darkfactory.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.darkfactory.testkit.cache.PromptCache;
import dev.darkfactory.testkit.wire.ReplyPlan;
import dev.darkfactory.testkit.wire.WireEncoder;
import dev.darkfactory.testkit.wire.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The LLM twin: an HTTP server on loopback that speaks the OpenAI Responses, Chat Completions, Anthropic Messages and
 * Gemini APIs, streaming and not, answering from a {@link Script} (after okhttp's MockWebServer). It records every
 * request, injects {@link Fault}s, validates requests the way the providers do, and models prompt caching.
 *
 * <pre>{@code
 * try (var twin = FakeProviderServer.start()) {
 *     twin.enqueue(Reply.text("Hello"));
 *     // point OPENAI_BASE_URL at twin.baseUrl() + "/v1", ANTHROPIC_BASE_URL and GEMINI_BASE_URL at twin.baseUrl()
 * }
 * }</pre>
 */
public final class FakeProviderServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Script script;
  private final List<Script.Rule> rules;
  private final List<Integer> remaining;
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final PromptCache cache = new PromptCache();
  private final ReplyPlanner planner = new ReplyPlanner(cache);
  private final AtomicInteger sequence = new AtomicInteger();

  private FakeProviderServer(Script script, int port) {
    this.script = script;
    this.rules = new ArrayList<>(script.rules());
    this.remaining = new ArrayList<>(script.rules().stream().map(Script.Rule::times).toList());
    // Stream events must leave as they are written, as a provider's do; without TCP_NODELAY, Nagle's algorithm
    // holds small frames back for a delayed ACK (~40 ms). The JDK reads this once, before its first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("The twin could not listen on port " + port, e);
    }
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", new ExchangeHandler(this, closing));
    server.start();
  }

  /** A twin on a free loopback port with an empty script (every request gets the fallback reply). */
  public static FakeProviderServer start() {
    return start(Script.empty());
  }

  public static FakeProviderServer start(Script script) {
    return start(script, 0);
  }

  /** A twin on a given port (0 picks a free one). */
  public static FakeProviderServer start(Script script, int port) {
    return new FakeProviderServer(script, port);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT}: the base URL for Anthropic and Gemini; OpenAI's is this plus {@code /v1}. */
  public URI baseUrl() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port());
  }

  /** Environment variables pointing all three providers at this twin with a test key. */
  public Map<String, String> environment() {
    return Map.of(
        "OPENAI_API_KEY", "test-key", "OPENAI_BASE_URL", baseUrl() + "/v1",
        "ANTHROPIC_API_KEY", "test-key", "ANTHROPIC_BASE_URL", baseUrl().toString(),
        "GEMINI_API_KEY", "test-key", "GEMINI_BASE_URL", baseUrl().toString());
  }

  /** Answers the next request with {@code reply} (after the replies already queued). */
  public FakeProviderServer enqueue(Reply reply) {
    return enqueue(Match.any(), reply);
  }

  public synchronized FakeProviderServer enqueue(Match match, Reply reply) {
    rules.add(new Script.Rule(match, reply, 1));
    remaining.add(1);
    return this;
  }

  public Script script() {
    return script;
  }

  /** Every request received so far, in arrival order. */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Requests to paths containing {@code pathPart} (e.g. "/messages"), in order. */
  public synchronized List<RecordedRequest> requests(String pathPart) {
    return requests.stream().filter(request -> request.path().contains(pathPart)).toList();
  }

  public synchronized RecordedRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new IllegalStateException("The twin has received no request");
    }
    return requests.get(requests.size() - 1);
  }

  public synchronized int requestCount() {
    return requests.size();
  }

  public synchronized void clearRequests() {
    requests.clear();
  }

  /** Forgets every cached prompt prefix. */
  public void clearCache() {
    cache.clear();
  }

  synchronized void record(RecordedRequest request) {
    requests.add(request);
  }

  /** The first rule with uses left that matches, consuming one use; else the fallback (unless strict). */
  synchronized Optional<Reply> nextReply(String path, String body) {
    for (int i = 0; i < rules.size(); i++) {
      int left = remaining.get(i);
      if (left != 0 && rules.get(i).match().matches(path, body)) {
        if (left > 0) {
          remaining.set(i, left - 1);
        }
        return Optional.of(rules.get(i).reply());
      }
    }
    if (script.strict()) {
      return Optional.empty();
    }
    return Optional.of(script.fallback().orElse(Reply.text("Hello from the Dark Factory twin.")));
  }

  ReplyPlan plan(WireFormat format, String path, JsonNode request, Reply reply) {
    return planner.plan(format, path, request, reply, sequence.incrementAndGet());
  }

  /** Checks the key in the provider's own place when the script requires one. */
  Optional<Fault> authenticate(WireFormat format, HttpExchange exchange, String query) {
    if (script.apiKey().isEmpty()) {
      return Optional.empty();
    }
    String key = script.apiKey().get();
    boolean ok = switch (format) {
      case OPENAI_RESPONSES, OPENAI_CHAT -> ("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"));
      case ANTHROPIC -> key.equals(exchange.getRequestHeaders().getFirst("x-api-key"));
      case GEMINI -> query.contains("key=" + key) || key.equals(exchange.getRequestHeaders().getFirst("x-goog-api-key"));
    };
    if (ok) {
      return Optional.empty();
    }
    // Gemini answers a bad key with 400 INVALID_ARGUMENT, as the real API does.
    return Optional.of(format == WireFormat.GEMINI
        ? new Fault.HttpError(400, WireEncoder.ErrorKind.AUTHENTICATION, "API key not valid. Please pass a valid API key.", Map.of())
        : Fault.unauthorized());
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
