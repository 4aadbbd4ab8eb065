package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.llm.generate.GenerateOptions;
import dev.darkfactory.llm.generate.GenerateResult;
import dev.darkfactory.llm.generate.Generator;
import dev.darkfactory.llm.generate.StreamResult;
import dev.darkfactory.llm.generate.Tool;
import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.RecordedRequest;
import dev.darkfactory.testkit.Reply;
import dev.darkfactory.testkit.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The cross-provider parity matrix of unified-llm-spec §8.9: every row, for OpenAI, Anthropic and Gemini, on the twin;
 * the text and tool-call rows also for the OpenAI-compatible (Chat Completions) gateway adapter.
 */
class CrossProviderParityTest {

  private static final JsonNode CITY = Json.parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

  private FakeProviderServer twin;
  private Client client;
  private Generator generator;

  @BeforeEach
  void start() {
    twin = FakeProviderServer.start();
    client = Twins.clientWithGateway(twin);
    generator = new Generator(client);
  }

  @AfterEach
  void stop() {
    client.close();
    twin.close();
  }

  private static GenerateOptions.Builder on(String provider) {
    return GenerateOptions.builder("model-under-test").provider(provider).retryPolicy(Twins.fastRetries(2));
  }

  private static Tool weather(AtomicInteger calls) {
    return Tool.active("get_weather", "Weather", CITY, (args, context) -> {
      calls.incrementAndGet();
      return "sunny in " + args.path("city").asString();
    });
  }

  private RecordedRequest lastPost() {
    List<RecordedRequest> posts = twin.requests().stream().filter(r -> r.method().equals("POST")).toList();
    return posts.get(posts.size() - 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void simpleTextGeneration(String provider) {
    twin.enqueue(Reply.text("Hello in one sentence."));
    GenerateResult result = generator.generate(on(provider).prompt("Say hello.").build());
    assertThat(result.text()).isEqualTo("Hello in one sentence.");
    assertThat(result.finishReason().reason()).isEqualTo(FinishReason.Reason.STOP);
    assertThat(result.usage().inputTokens()).isPositive();
    assertThat(result.usage().outputTokens()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void streamingTextGeneration(String provider) {
    twin.enqueue(Reply.text("Code flows like a stream").withChunkSize(3));
    StreamResult stream = generator.stream(on(provider).prompt("haiku").build());
    List<StreamEvent> events = new ArrayList<>();
    stream.forEach(events::add);
    String deltas = events.stream().filter(StreamEvent.TextDelta.class::isInstance)
        .map(e -> ((StreamEvent.TextDelta) e).delta()).reduce("", String::concat);
    assertThat(deltas).isEqualTo(stream.response().text()).isEqualTo("Code flows like a stream");
    assertThat(events.get(0)).isInstanceOf(StreamEvent.StreamStart.class);
    assertThat(events).extracting(StreamEvent::type).containsSubsequence(
        StreamEventType.TEXT_START, StreamEventType.TEXT_DELTA, StreamEventType.TEXT_END, StreamEventType.FINISH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void imageInputBase64(String provider) {
    twin.enqueue(Reply.text("A tiny PNG."));
    generator.generate(on(provider).messages(List.of(Message.user(ContentPart.text("What is this?"),
        ContentPart.image(Conversations.PNG, "image/png")))).build());
    String body = lastPost().body();
    assertThat(body).contains("iVBORw0KGgo=");
    assertThat(body).contains(switch (provider) {
      case "openai" -> "data:image/png;base64,iVBORw0KGgo=";
      case "anthropic" -> "\"type\":\"base64\"";
      default -> "\"inlineData\"";
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void imageInputUrl(String provider) {
    twin.enqueue(Reply.text("A cat."));
    generator.generate(on(provider).messages(List.of(Message.user(ContentPart.text("What is this?"),
        ContentPart.image("https://example.com/cat.jpg")))).build());
    String body = lastPost().body();
    assertThat(body).contains(switch (provider) {
      case "openai" -> "\"image_url\":\"https://example.com/cat.jpg\"";
      case "anthropic" -> "{\"type\":\"url\",\"url\":\"https://example.com/cat.jpg\"}";
      default -> "\"fileUri\":\"https://example.com/cat.jpg\"";
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void singleToolCallAndExecution(String provider) {
    twin.enqueue(Reply.toolCall("get_weather", "{\"city\":\"San Francisco\"}"));
    twin.enqueue(Reply.text("It is sunny in San Francisco."));
    AtomicInteger calls = new AtomicInteger();
    GenerateResult result = generator.generate(on(provider).prompt("weather?").tool(weather(calls)).build());
    assertThat(calls).hasValue(1);
    assertThat(result.steps()).hasSize(2);
    assertThat(result.text()).contains("San Francisco");
    assertThat(lastPost().body()).contains("sunny in San Francisco");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void multipleParallelToolCalls(String provider) {
    twin.enqueue(Reply.text("").withToolCall("get_weather", "{\"city\":\"San Francisco\"}").withToolCall("get_weather", "{\"city\":\"New York\"}"));
    twin.enqueue(Reply.text("San Francisco and New York are sunny."));
    AtomicInteger calls = new AtomicInteger();
    GenerateResult result = generator.generate(on(provider).prompt("both?").tool(weather(calls)).maxToolRounds(3).build());
    assertThat(calls).hasValue(2);
    assertThat(result.text()).contains("San Francisco").contains("New York");
    assertThat(twin.requests().stream().filter(r -> r.method().equals("POST")).count()).as("one continuation for both results").isEqualTo(2);
    assertThat(lastPost().body()).contains("sunny in San Francisco").contains("sunny in New York");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void multiStepToolLoopOfThreeRounds(String provider) {
    for (String city : List.of("Oslo", "Rome", "Lima")) {
      twin.enqueue(Reply.toolCall("get_weather", "{\"city\":\"" + city + "\"}"));
    }
    twin.enqueue(Reply.text("All three checked."));
    AtomicInteger calls = new AtomicInteger();
    GenerateResult result = generator.generate(on(provider).prompt("three cities").tool(weather(calls)).maxToolRounds(5).build());
    assertThat(result.steps()).hasSize(4);
    assertThat(calls).hasValue(3);
    assertThat(lastPost().body()).contains("sunny in Oslo").contains("sunny in Rome").contains("sunny in Lima");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", Twins.GATEWAY})
  void streamingWithToolCalls(String provider) {
    twin.enqueue(Reply.toolCall("get_weather", "{\"city\":\"Oslo\"}").withChunkSize(4));
    twin.enqueue(Reply.text("Oslo is sunny.").withChunkSize(4));
    AtomicInteger calls = new AtomicInteger();
    StreamResult stream = generator.stream(on(provider).prompt("weather").tool(weather(calls)).build());
    List<StreamEvent> events = new ArrayList<>();
    stream.forEach(events::add);
    assertThat(events).extracting(StreamEvent::type).containsSubsequence(StreamEventType.TOOL_CALL_START,
        StreamEventType.TOOL_CALL_END, StreamEventType.STEP_FINISH, StreamEventType.TEXT_DELTA, StreamEventType.FINISH);
    assertThat(stream.response().text()).isEqualTo("Oslo is sunny.");
    assertThat(calls).hasValue(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void structuredOutput(String provider) {
    String json = "{\"name\":\"Alice\",\"age\":30}";
    twin.enqueue(provider.equals("anthropic") ? Reply.toolCall("structured_output", json) : Reply.text(json));
    JsonNode schema = Json.parse("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}},\"required\":[\"name\",\"age\"]}");
    GenerateResult result = generator.generateObject(on(provider).prompt("Extract: Alice is 30 years old").build(), schema);
    assertThat(result.output().orElseThrow().path("name").asString()).isEqualTo("Alice");
    assertThat(result.output().orElseThrow().path("age").asInt()).isEqualTo(30);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void reasoningTokenReporting(String provider) {
    twin.enqueue(Reply.text("42").withThinking("Let me work through this step by step, carefully.", "sig_1"));
    GenerateResult result = generator.generate(on(provider).prompt("hard question").reasoningEffort("high").build());
    assertThat(result.usage().reasoningTokens()).hasValueSatisfying(tokens -> assertThat(tokens).isPositive());
    assertThat(result.usage().outputTokens()).isGreaterThanOrEqualTo(result.usage().reasoningTokens().orElseThrow());
    if (!provider.equals("openai")) {
      assertThat(result.response().reasoning()).contains("Let me work through this step by step, carefully.");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void invalidApiKeyIsAnAuthenticationError(String provider) {
    try (FakeProviderServer keyed = FakeProviderServer.start(Script.builder().apiKey("the-real-key").build());
        Client wrong = Twins.client(keyed)) {
      assertThatThrownBy(() -> new Generator(wrong).generate(on(provider).prompt("hi").build()))
          .isInstanceOf(AuthenticationException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void rateLimitIsARateLimitErrorAndIsRetried(String provider) {
    twin.enqueue(Reply.fault(Fault.rateLimited(Duration.ofMillis(10))));
    assertThatThrownBy(() -> generator.generate(on(provider).prompt("hi").maxRetries(0).build()))
        .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofMillis(10)));
    twin.enqueue(Reply.fault(Fault.rateLimited(Duration.ofMillis(10))));
    twin.enqueue(Reply.text("after the wait"));
    assertThat(generator.generate(on(provider).prompt("hi").build()).text()).isEqualTo("after the wait");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void usageTokenCountsAreAccurate(String provider) {
    twin.enqueue(Reply.text("counted").withUsage(new Reply.UsageReply(1234, 56, 0, 0, 0)));
    Usage usage = generator.generate(on(provider).prompt("count").build()).usage();
    assertThat(usage.inputTokens()).isEqualTo(1234);
    assertThat(usage.outputTokens()).isEqualTo(56);
    assertThat(usage.totalTokens()).isEqualTo(1290);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void promptCachingReadsTheCacheFromTurnTwo(String provider) {
    String system = "You are a coding agent. ".repeat(100);
    List<Message> history = new ArrayList<>(List.of(Message.user("turn 1")));
    twin.enqueue(Reply.text("answer 1"));
    GenerateResult first = generator.generate(on(provider).system(system).messages(history).build());
    history.add(first.response().message());
    history.add(Message.user("turn 2"));
    twin.enqueue(Reply.text("answer 2"));
    Usage second = generator.generate(on(provider).system(system).messages(history).build()).usage();
    assertThat(second.cacheReadTokens()).hasValueSatisfying(read -> assertThat(read).isPositive());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void providerSpecificOptionsPassThrough(String provider) {
    twin.enqueue(Reply.text("ok"));
    JsonNode options = Json.parse(switch (provider) {
      case "openai" -> "{\"openai\":{\"store\":false,\"service_tier\":\"flex\"}}";
      case "anthropic" -> "{\"anthropic\":{\"top_k\":5,\"beta_headers\":[\"token-efficient-tools-2025-02-19\"]}}";
      default -> "{\"gemini\":{\"cachedContent\":\"cachedContents/abc\"}}";
    });
    generator.generate(on(provider).prompt("hi").providerOptions(options).build());
    RecordedRequest request = lastPost();
    switch (provider) {
      case "openai" -> assertThat(request.json().path("service_tier").asString()).isEqualTo("flex");
      case "anthropic" -> {
        assertThat(request.json().path("top_k").asInt()).isEqualTo(5);
        assertThat(request.header("anthropic-beta").orElse("")).contains("token-efficient-tools-2025-02-19");
      }
      default -> assertThat(request.json().path("cachedContent").asString()).isEqualTo("cachedContents/abc");
    }
  }
}
