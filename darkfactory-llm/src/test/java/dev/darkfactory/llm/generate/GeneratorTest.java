package dev.darkfactory.llm.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.llm.AbortException;
import dev.darkfactory.llm.AbortSignal;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.ConfigurationException;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.RequestTimeoutException;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.Twins;
import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.RecordedRequest;
import dev.darkfactory.testkit.Reply;
import dev.darkfactory.testkit.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GeneratorTest {

  private static final JsonNode CITY = Json.parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}");

  private FakeProviderServer twin;
  private Client client;
  private Generator generator;

  @BeforeEach
  void start() {
    twin = FakeProviderServer.start();
    client = Twins.client(twin);
    generator = new Generator(client);
  }

  @AfterEach
  void stop() {
    client.close();
    twin.close();
  }

  private GenerateOptions.Builder options() {
    return GenerateOptions.builder("gpt-5.2").retryPolicy(Twins.fastRetries(2));
  }

  private static Tool weather(AtomicInteger calls) {
    return Tool.active("get_weather", "Weather for a city", CITY, (args, context) -> {
      calls.incrementAndGet();
      return "18C in " + args.path("city").asString();
    });
  }

  @Test
  void promptOrMessagesButNeverBoth() {
    twin.enqueue(Reply.text("one"));
    twin.enqueue(Reply.text("two"));
    assertThat(generator.generate(options().prompt("hi").system("Be brief.").build()).text()).isEqualTo("one");
    assertThat(twin.lastRequest().json().path("instructions").asString()).isEqualTo("Be brief.");
    assertThat(generator.generate(options().messages(List.of(Message.user("a"), Message.assistant("b"), Message.user("c"))).build()).text())
        .isEqualTo("two");
    assertThat(twin.lastRequest().json().path("input").size()).isEqualTo(3);
    assertThatThrownBy(() -> options().prompt("x").messages(List.of(Message.user("y"))).build())
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void activeToolsLoopUntilTheModelAnswers() {
    twin.enqueue(Reply.toolCall("get_weather", "{\"city\":\"Paris\"}").withUsage(10, 5));
    twin.enqueue(Reply.text("It is 18C in Paris.").withUsage(20, 7));
    AtomicInteger calls = new AtomicInteger();
    GenerateResult result = generator.generate(options().prompt("weather?").tool(weather(calls)).maxToolRounds(3).build());
    assertThat(result.text()).isEqualTo("It is 18C in Paris.");
    assertThat(result.steps()).hasSize(2);
    assertThat(result.steps().get(0).toolResults()).singleElement()
        .satisfies(r -> assertThat(r.contentText()).isEqualTo("18C in Paris"));
    assertThat(result.totalUsage().totalTokens()).isEqualTo(42);
    assertThat(result.usage().totalTokens()).isEqualTo(27);
    assertThat(calls).hasValue(1);
    JsonNode followUp = twin.lastRequest().json().path("input");
    assertThat(followUp.path(1).path("type").asString()).isEqualTo("function_call");
    assertThat(followUp.path(2).path("output").asString()).isEqualTo("18C in Paris");
  }

  @Test
  void parallelCallsRunConcurrentlyAndReturnInOneContinuationInCallOrder() {
    twin.enqueue(Reply.text("").withToolCall("slow", "{\"n\":1}").withToolCall("slow", "{\"n\":2}").withToolCall("slow", "{\"n\":3}"));
    twin.enqueue(Reply.text("done"));
    CountDownLatch allStarted = new CountDownLatch(3);
    // finished[n] opens when call n returns; each call waits for the next one, so they finish 3, 2, 1.
    List<CountDownLatch> finished = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(0));
    Tool slow = Tool.active("slow", "waits for its siblings", null, (args, context) -> {
      int n = args.path("n").asInt();
      allStarted.countDown();
      // Sequential execution would never see all three started.
      if (!allStarted.await(60, TimeUnit.SECONDS) || !finished.get(n).await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not concurrent");
      }
      finished.get(n - 1).countDown();
      return "result " + n;
    });
    GenerateResult result = generator.generate(options().prompt("go").tool(slow).build());
    assertThat(result.steps().get(0).toolResults()).extracting(r -> r.contentText() + ":" + r.isError())
        .containsExactly("result 1:false", "result 2:false", "result 3:false");
    assertThat(twin.requestCount()).isEqualTo(2);
    JsonNode input = twin.lastRequest().json().path("input");
    List<String> outputs = new ArrayList<>();
    input.forEach(item -> {
      if ("function_call_output".equals(item.path("type").asString())) {
        outputs.add(item.path("output").asString());
      }
    });
    assertThat(outputs).containsExactly("result 1", "result 2", "result 3");
  }

  @Test
  void maxToolRoundsBoundsTheLoopAndZeroDisablesIt() {
    try (FakeProviderServer looping = FakeProviderServer.start(Script.builder()
        .fallback(Reply.toolCall("get_weather", "{\"city\":\"Rome\"}")).build()); Client c = Twins.client(looping)) {
      AtomicInteger calls = new AtomicInteger();
      GenerateResult result = new Generator(c).generate(options().prompt("loop").tool(weather(calls)).maxToolRounds(2).build());
      assertThat(looping.requestCount()).isEqualTo(3);
      assertThat(result.steps()).hasSize(3);
      assertThat(calls).hasValue(2);
      assertThat(result.toolCalls()).hasSize(1);
      assertThat(result.toolResults()).isEmpty();

      GenerateResult none = new Generator(c).generate(options().prompt("loop").tool(weather(calls)).maxToolRounds(0).build());
      assertThat(none.steps()).hasSize(1);
      assertThat(none.toolCalls()).hasSize(1);
      assertThat(calls).hasValue(2);
    }
  }

  @Test
  void unknownToolsFailingHandlersAndInvalidArgumentsBecomeErrorResults() {
    twin.enqueue(Reply.text("").withToolCall("nope", "{}").withToolCall("boom", "{}").withToolCall("get_weather", "{\"town\":1}")
        .withToolCall("get_weather", "not json{{{"));
    twin.enqueue(Reply.text("recovered"));
    Tool boom = Tool.active("boom", "fails", null, (args, context) -> {
      throw new IllegalStateException("disk full");
    });
    GenerateResult result = generator.generate(options().prompt("go").tools(List.of(boom, weather(new AtomicInteger()))).build());
    assertThat(result.text()).isEqualTo("recovered");
    assertThat(result.steps().get(0).toolResults()).allMatch(r -> r.isError()).extracting(r -> r.contentText())
        .satisfiesExactly(
            unknown -> assertThat(unknown).isEqualTo("Unknown tool: nope"),
            failed -> assertThat(failed).contains("disk full"),
            invalid -> assertThat(invalid).contains("Invalid arguments").contains("city"),
            unparsed -> assertThat(unparsed).contains("not a JSON object"));
  }

  @Test
  void aRepairFunctionCanFixInvalidArguments() {
    twin.enqueue(Reply.toolCall("get_weather", "{\"town\":\"Oslo\"}"));
    twin.enqueue(Reply.text("ok"));
    AtomicInteger calls = new AtomicInteger();
    ToolCallRepair rename = (call, tool, error) -> Optional.of(ToolCall.of(call.id(), call.name(),
        Json.object().put("city", call.arguments().path("town").asString())));
    GenerateResult result = generator.generate(options().prompt("go").tool(weather(calls)).repairToolCall(rename).build());
    assertThat(result.steps().get(0).toolResults().get(0).contentText()).isEqualTo("18C in Oslo");
  }

  @Test
  void aToolCallCutOffByMaxTokensIsNeverExecutedAndTheResultSaysSo() {
    twin.enqueue(Reply.text("Writing the file now.").withToolCall("write_file", "{\"path\":\"big.txt\",\"content\":\"...\"}")
        .withFinish("length"));
    AtomicInteger writes = new AtomicInteger();
    Tool write = Tool.active("write_file", "writes", (args, context) -> writes.incrementAndGet());
    for (String provider : List.of("openai", "anthropic", "gemini")) {
      twin.enqueue(Reply.text("Writing the file now.").withToolCall("write_file", "{\"path\":\"big.txt\"}").withFinish("length"));
    }
    for (String provider : List.of("anthropic", "openai", "anthropic", "gemini")) {
      GenerateResult result = generator.generate(options().provider(provider).prompt("write it").tool(write).maxToolRounds(5).build());
      assertThat(result.finishReason().reason()).as(provider).isEqualTo(dev.darkfactory.llm.FinishReason.Reason.LENGTH);
      assertThat(result.response().truncated()).isTrue();
      assertThat(result.response().warnings()).extracting(w -> w.code().orElse("")).contains("truncated");
      assertThat(result.steps()).hasSize(1);
    }
    assertThat(writes).hasValue(0);
  }

  @Test
  void passiveToolsReturnCallsToTheCaller() {
    twin.enqueue(Reply.toolCall("approve", "{}"));
    GenerateResult result = generator.generate(options().prompt("go").tool(Tool.passive("approve", "needs a human", null)).maxToolRounds(5).build());
    assertThat(result.steps()).hasSize(1);
    assertThat(result.toolCalls()).extracting(ToolCall::name).containsExactly("approve");
    assertThat(twin.requestCount()).isEqualTo(1);
  }

  @Test
  void stopWhenEndsTheLoop() {
    try (FakeProviderServer looping = FakeProviderServer.start(Script.builder()
        .fallback(Reply.toolCall("get_weather", "{\"city\":\"Rome\"}")).build()); Client c = Twins.client(looping)) {
      GenerateResult result = new Generator(c).generate(options().prompt("loop").tool(weather(new AtomicInteger())).maxToolRounds(10)
          .stopWhen(steps -> steps.size() >= 2).build());
      assertThat(result.steps()).hasSize(2);
    }
  }

  @Test
  void retriesApplyPerStepNotToTheWholeLoop() {
    twin.enqueue(Reply.toolCall("get_weather", "{\"city\":\"Lima\"}"));
    twin.enqueue(Reply.fault(Fault.rateLimited(Duration.ofMillis(5))));
    twin.enqueue(Reply.text("done"));
    AtomicInteger calls = new AtomicInteger();
    GenerateResult result = generator.generate(options().prompt("go").tool(weather(calls)).build());
    assertThat(result.text()).isEqualTo("done");
    assertThat(calls).as("step 1's tool is not re-run when step 2 is retried").hasValue(1);
    assertThat(twin.requestCount()).isEqualTo(3);
  }

  @Test
  void streamingWithToolsEmitsStepFinishBetweenSteps() {
    twin.enqueue(Reply.text("Let me check. ").withToolCall("get_weather", "{\"city\":\"Kyiv\"}"));
    twin.enqueue(Reply.text("It is 18C in Kyiv."));
    AtomicInteger calls = new AtomicInteger();
    StreamResult stream = generator.stream(options().prompt("weather?").tool(weather(calls)).build());
    List<StreamEvent> events = new ArrayList<>();
    stream.forEach(events::add);
    assertThat(events).filteredOn(StreamEvent.StepFinish.class::isInstance).hasSize(1);
    assertThat(events).filteredOn(StreamEvent.Finish.class::isInstance).hasSize(1);
    assertThat(events.get(events.size() - 1)).isInstanceOf(StreamEvent.Finish.class);
    assertThat(events).anyMatch(e -> e instanceof StreamEvent.ToolCallEnd end && end.toolCall().name().equals("get_weather"));
    assertThat(stream.response().text()).isEqualTo("It is 18C in Kyiv.");
    assertThat(stream.steps()).hasSize(2);
    assertThat(calls).hasValue(1);
  }

  @Test
  void textStreamYieldsOnlyDeltasThatConcatenateToTheResponse() {
    twin.enqueue(Reply.text("A haiku about code, written in five seven five.").withChunkSize(4));
    StreamResult stream = generator.stream(options().prompt("haiku").build());
    StringBuilder text = new StringBuilder();
    stream.textStream().forEach(text::append);
    assertThat(text.toString()).isEqualTo(stream.response().text()).isEqualTo("A haiku about code, written in five seven five.");
  }

  @Test
  void abortCancelsGenerateAndStream() throws Exception {
    twin.enqueue(Reply.text("never").withFault(Fault.delay(Duration.ofSeconds(60))));
    AbortSignal signal = AbortSignal.create();
    // Abort once the twin holds the request, so the call in flight is what gets cancelled.
    Thread.ofVirtual().start(() -> {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !posts(twin).isEmpty());
      signal.abort();
    });
    long start = System.nanoTime();
    assertThatThrownBy(() -> generator.generate(options().prompt("hi").abortSignal(signal).build())).isInstanceOf(AbortException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("cancelled, not waited out").isLessThan(Duration.ofSeconds(30));

    twin.enqueue(Reply.text("slow stream that will be cancelled").withChunkSize(1).withFrameDelay(Duration.ofMillis(50)));
    AbortSignal streamSignal = AbortSignal.create();
    StreamResult stream = generator.stream(options().prompt("hi").abortSignal(streamSignal).build());
    List<StreamEvent> events = new ArrayList<>();
    for (StreamEvent event : stream) {
      events.add(event);
      if (event instanceof StreamEvent.TextDelta) {
        streamSignal.abort();
      }
    }
    assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(StreamEvent.Error.class,
        error -> assertThat(error.error()).isInstanceOf(AbortException.class));
  }

  @Test
  void totalAndPerStepTimeouts() {
    twin.enqueue(Reply.text("slow").withFault(Fault.delay(Duration.ofSeconds(3))));
    assertThatThrownBy(() -> generator.generate(options().prompt("hi").timeout(TimeoutConfig.total(Duration.ofMillis(200))).build()))
        .isInstanceOf(RequestTimeoutException.class);
    twin.enqueue(Reply.text("slow").withFault(Fault.delay(Duration.ofSeconds(3))));
    assertThatThrownBy(() -> generator.generate(options().prompt("hi").maxRetries(0)
        .timeout(TimeoutConfig.of(Duration.ofSeconds(10), Duration.ofMillis(200))).build()))
        .isInstanceOf(RequestTimeoutException.class);
  }

  static List<RecordedRequest> posts(FakeProviderServer server) {
    return server.requests().stream().filter(r -> r.method().equals("POST")).toList();
  }
}
