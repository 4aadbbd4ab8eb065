package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.llm.generate.GenerateOptions;
import dev.darkfactory.llm.generate.GenerateResult;
import dev.darkfactory.llm.generate.Generator;
import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every failure class, against the twin, for every provider and the OpenAI-compatible (Chat Completions) gateway
 * adapter: right error type, retries and delays honoured, no hangs.
 */
class FaultHandlingTest {

  private FakeProviderServer twin;
  private Client client;
  private final List<Duration> slept = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    twin = FakeProviderServer.start();
    client = Twins.clientWithGateway(twin);
  }

  @AfterEach
  void stop() {
    client.close();
    twin.close();
  }

  private RetryPolicy recordingPolicy(int maxRetries) {
    return RetryPolicy.defaults().withMaxRetries(maxRetries)
        .withDelays(Duration.ofMillis(100), Duration.ofSeconds(60), 2.0, false)
        .withSleeper(slept::add);
  }

  private GenerateResult generate(String provider, int maxRetries) {
    return new Generator(client).generate(GenerateOptions.builder("model-x").provider(provider).prompt("hi")
        .retryPolicy(recordingPolicy(maxRetries)).build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void rateLimitIsRetriedAfterTheRetryAfterDelay(String provider) {
    twin.enqueue(Reply.fault(Fault.rateLimited(Duration.ofMillis(250))));
    twin.enqueue(Reply.text("ok"));
    assertThat(generate(provider, 2).text()).isEqualTo("ok");
    assertThat(twin.requestCount()).isEqualTo(2);
    assertThat(slept).containsExactly(Duration.ofMillis(250));
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void serverErrorsBackOffExponentiallyThenGiveUp(String provider) {
    for (int i = 0; i < 3; i++) {
      twin.enqueue(Reply.fault(Fault.serverError()));
    }
    assertThatThrownBy(() -> generate(provider, 2)).isInstanceOf(ServerException.class);
    assertThat(twin.requestCount()).isEqualTo(3);
    assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void authenticationFailsAtOnceWithoutRetry(String provider) {
    try (FakeProviderServer keyed = FakeProviderServer.start(dev.darkfactory.testkit.Script.builder().apiKey("right").build());
        Client wrongKey = Twins.clientWithGateway(keyed)) {
      assertThatThrownBy(() -> new Generator(wrongKey).generate(GenerateOptions.builder("m").provider(provider).prompt("hi")
          .retryPolicy(recordingPolicy(2)).build()))
          .isInstanceOf(AuthenticationException.class)
          .satisfies(e -> assertThat(((LlmException) e).remedy()).contains("API key"));
      assertThat(keyed.requestCount()).isEqualTo(1);
    }
    assertThat(slept).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void nonRetryableClassesAreRaisedAtOnce(String provider) {
    List<Fault> faults = List.of(Fault.billing(), Fault.forbidden(), Fault.notFound(), Fault.contextLength(), Fault.contentFilter(),
        Fault.badRequest("bad parameter"));
    List<Class<?>> expected = List.of(QuotaExceededException.class, AccessDeniedException.class, NotFoundException.class,
        ContextLengthException.class, ContentFilterException.class, InvalidRequestException.class);
    for (int i = 0; i < faults.size(); i++) {
      twin.clearRequests();
      twin.enqueue(Reply.fault(faults.get(i)));
      assertThatThrownBy(() -> generate(provider, 2)).isInstanceOf(expected.get(i));
      assertThat(twin.requestCount()).as(faults.get(i).toString()).isEqualTo(1);
    }
    assertThat(slept).isEmpty();
  }

  @Test
  void theGatewayIsServedByTheChatCompletionsAdapter() {
    twin.enqueue(Reply.text("via the gateway"));
    assertThat(client.complete(Request.builder("m").provider(Twins.GATEWAY).addMessage(Message.user("hi")).build()).text())
        .isEqualTo("via the gateway");
    assertThat(twin.lastRequest().path()).isEqualTo("/v1/chat/completions");
    assertThat(twin.lastRequest().header("authorization")).contains("Bearer test-key");
  }

  @Test
  void providerSpecificBillingShapesAreQuotaErrors() {
    twin.enqueue(Reply.fault(Fault.quotaExhausted()));
    assertThatThrownBy(() -> generate("openai", 2)).isInstanceOf(QuotaExceededException.class)
        .satisfies(e -> assertThat(((LlmException) e).remedy()).contains("credits"));
    twin.enqueue(Reply.fault(Fault.creditBalanceTooLow()));
    assertThatThrownBy(() -> generate("anthropic", 2)).isInstanceOf(QuotaExceededException.class);
    twin.enqueue(Reply.fault(Fault.quotaExhausted()));
    assertThatThrownBy(() -> generate("gemini", 2)).isInstanceOf(QuotaExceededException.class);
    twin.enqueue(Reply.fault(Fault.quotaExhausted()));
    assertThatThrownBy(() -> generate(Twins.GATEWAY, 2)).isInstanceOf(QuotaExceededException.class);
    assertThat(twin.requestCount()).isEqualTo(4);
  }

  @Test
  void retryAfterLongerThanMaxDelayIsRaisedImmediately() {
    twin.enqueue(Reply.fault(Fault.rateLimited(Duration.ofSeconds(120))));
    assertThatThrownBy(() -> generate("openai", 2)).isInstanceOfSatisfying(RateLimitException.class,
        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
    assertThat(twin.requestCount()).isEqualTo(1);
  }

  @Test
  void maxRetriesZeroDisablesRetries() {
    twin.enqueue(Reply.fault(Fault.serverError()));
    assertThatThrownBy(() -> generate("anthropic", 0)).isInstanceOf(ServerException.class);
    assertThat(twin.requestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void aStalledStreamEndsWithATimeoutInsteadOfHanging(String provider) {
    twin.enqueue(Reply.text("a long answer that will stall").withChunkSize(3).withFault(new Fault.StallStream(3)));
    AdapterTimeout idleFast = new AdapterTimeout(Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofMillis(500));
    long start = System.nanoTime();
    List<StreamEvent> events;
    try (Client impatient = Twins.clientWithGateway(twin, idleFast)) {
      events = collect(impatient.stream(Request.builder("m").provider(provider).addMessage(Message.user("hi")).build()));
    }
    // The stalled twin would hold the stream for minutes; the 500 ms stream idle timeout ends it, as the error
    // says, so the bound only needs to tell ending from hanging and can leave a loaded machine room.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(StreamEvent.Error.class,
        error -> assertThat(error.error()).isInstanceOf(RequestTimeoutException.class).hasMessageContaining("stream idle timeout"));
    assertThat(events).anyMatch(StreamEvent.StreamStart.class::isInstance);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void aStreamCutMidEventIsAStreamErrorNotASilentSuccess(String provider) {
    twin.enqueue(Reply.text("this stream is cut in the middle").withChunkSize(4).withFault(new Fault.CutStream(3)));
    twin.enqueue(Reply.text("this stream ends cleanly but early").withChunkSize(4).withFault(new Fault.TruncateStream(3)));
    for (int i = 0; i < 2; i++) {
      Request request = Request.builder("m").provider(provider).addMessage(Message.user("hi")).build();
      List<StreamEvent> events;
      try {
        events = collect(client.stream(request));
      } catch (StreamException cutBeforeTheFirstEvent) {
        // A cut that lands before any event is handed out is thrown (and so retryable), never a success.
        continue;
      }
      assertThat(events).noneMatch(StreamEvent.Finish.class::isInstance);
      assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(StreamEvent.Error.class,
          error -> assertThat(error.error()).isInstanceOf(StreamException.class));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void malformedJsonIsReportedNotSwallowed(String provider) {
    twin.enqueue(Reply.text("x").withFault(new Fault.MalformedJson(0)));
    assertThatThrownBy(() -> client.complete(Request.builder("m").provider(provider).addMessage(Message.user("hi")).build()))
        .isInstanceOf(UnknownProviderException.class).hasMessageContaining("not valid JSON");
    twin.enqueue(Reply.text("streamed text").withFault(new Fault.MalformedJson(1)));
    List<StreamEvent> events = collect(client.stream(Request.builder("m").provider(provider).addMessage(Message.user("hi")).build()));
    assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(StreamEvent.Error.class,
        error -> assertThat(error.error()).isInstanceOf(StreamException.class).hasMessageContaining("malformed"));
  }

  @Test
  void aResponseOfTheWrongShapeIsAProviderErrorNotAJacksonException() throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = "{\"id\":\"x\",\"content\":[{\"type\":\"text\",\"text\":{\"not\":\"a string\"}}]}".getBytes();
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try (Client odd = Client.fromEnv(Environment.of(java.util.Map.of("ANTHROPIC_API_KEY", "k", "ANTHROPIC_BASE_URL",
        "http://127.0.0.1:" + server.getAddress().getPort())), Twins.FAST)) {
      assertThatThrownBy(() -> odd.complete(Request.of("m", "hi"))).isInstanceOf(UnknownProviderException.class)
          .hasMessageContaining("could not interpret");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aDroppedConnectionIsANetworkError() {
    twin.enqueue(Reply.fault(new Fault.Disconnect()));
    assertThatThrownBy(() -> client.complete(Request.of("m", "hi"))).isInstanceOf(NetworkException.class);
  }

  @Test
  void anUnreachableProviderFailsFastWithANetworkError() {
    int deadPort;
    try (FakeProviderServer temporary = FakeProviderServer.start()) {
      deadPort = temporary.port();
    }
    Client dead = Client.fromEnv(Environment.of(java.util.Map.of("OPENAI_API_KEY", "k", "OPENAI_BASE_URL",
        "http://127.0.0.1:" + deadPort + "/v1")), Twins.FAST);
    long start = System.nanoTime();
    assertThatThrownBy(() -> dead.complete(Request.of("m", "hi"))).isInstanceOf(NetworkException.class)
        .satisfies(e -> assertThat(((LlmException) e).retryable()).isTrue());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  /**
   * A listener whose accept queue is full and never drained: Linux then drops further SYNs, so a new connection
   * neither succeeds nor is refused and only the connect timeout ends the wait. No real network: loopback only.
   */
  @Test
  void aConnectionThatIsNeverAcceptedHitsTheConnectTimeout() throws Exception {
    List<java.net.Socket> queued = new java.util.ArrayList<>();
    try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      java.net.InetSocketAddress address = new java.net.InetSocketAddress(full.getInetAddress(), full.getLocalPort());
      // Fill the accept queue until a further connect hangs (backlog 1 holds one or two connections).
      while (true) {
        java.net.Socket socket = new java.net.Socket();
        try {
          socket.connect(address, 200);
          queued.add(socket);
        } catch (java.net.SocketTimeoutException hangs) {
          socket.close();
          break;
        }
        assertThat(queued).as("the accept queue never filled").hasSizeLessThan(64);
      }
      AdapterTimeout connectFast = new AdapterTimeout(Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofSeconds(10));
      try (Client unanswered = Client.fromEnv(Environment.of(java.util.Map.of("OPENAI_API_KEY", "k", "OPENAI_BASE_URL",
          "http://127.0.0.1:" + full.getLocalPort() + "/v1")), connectFast)) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> unanswered.complete(Request.of("m", "hi"))).isInstanceOf(NetworkException.class)
            .hasMessageContaining("in time")
            .satisfies(e -> assertThat(((LlmException) e).retryable()).isTrue());
        assertThatThrownBy(() -> unanswered.stream(Request.of("m", "hi"))).isInstanceOf(NetworkException.class)
            .hasMessageContaining("in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("two connect timeouts, not the request timeout")
            .isLessThan(Duration.ofSeconds(5));
      }
    } finally {
      for (java.net.Socket socket : queued) {
        socket.close();
      }
    }
  }

  @Test
  void aSlowResponseHitsTheRequestTimeout() {
    twin.enqueue(Reply.text("late").withFault(Fault.delay(Duration.ofSeconds(2))));
    AdapterTimeout tight = new AdapterTimeout(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofMillis(300));
    try (Client impatient = Client.fromEnv(Environment.of(twin.environment()), tight)) {
      assertThatThrownBy(() -> impatient.complete(Request.of("m", "hi"))).isInstanceOf(RequestTimeoutException.class);
    }
  }

  @Test
  void streamsRetryOnlyTheOpeningNeverAfterPartialData() {
    twin.enqueue(Reply.fault(Fault.rateLimited(Duration.ofMillis(10))));
    twin.enqueue(Reply.text("partial then cut").withChunkSize(2).withFrameDelay(Duration.ofMillis(20)).withFault(new Fault.CutStream(4)));
    var result = new Generator(client).stream(GenerateOptions.builder("m").provider("anthropic").prompt("hi")
        .retryPolicy(recordingPolicy(3)).build());
    List<StreamEvent> events = new java.util.ArrayList<>();
    result.forEach(events::add);
    assertThat(events).anyMatch(StreamEvent.TextDelta.class::isInstance);
    assertThat(events.get(events.size() - 1)).isInstanceOf(StreamEvent.Error.class);
    assertThat(twin.requestCount()).as("one retry of the 429, none after data flowed").isEqualTo(2);
    assertThatThrownBy(result::response).isInstanceOf(StreamException.class);
  }

  static List<StreamEvent> collect(EventStream stream) {
    List<StreamEvent> events = new java.util.ArrayList<>();
    try (stream) {
      stream.forEach(events::add);
    }
    return events;
  }
}
