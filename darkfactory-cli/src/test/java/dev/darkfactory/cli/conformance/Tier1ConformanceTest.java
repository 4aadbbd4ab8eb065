package dev.darkfactory.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.testkit.attractorbench.AttractorBenchMock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Tier 1 of the AttractorBench contract (the unified LLM client) against our mock of the benchmark's server. */
class Tier1ConformanceTest {
  static final String SIMPLE = """
      {"model": "gpt-4o", "provider": "openai", "messages": [{"role": "user", "content": "Say hello"}], "max_tokens": 100}""";
  static final String TOOLS = """
      {"model": "gpt-4o", "provider": "openai", "messages": [{"role": "user", "content": "What is the weather in SF?"}],
       "tools": [{"name": "get_weather", "description": "Get weather for a location",
                  "parameters": {"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]}}],
       "max_tokens": 200}""";

  static AttractorBenchMock mock;
  @TempDir Path workdir;
  Adapter adapter;

  @BeforeAll
  static void startMock() {
    mock = AttractorBenchMock.start(0);
  }

  @AfterAll
  static void stopMock() {
    mock.close();
  }

  @BeforeEach
  void resetMock() {
    mock.reset();
    adapter = new Adapter(mock.environment(), workdir);
  }

  @Test
  void clientFromEnvSucceedsWithKeysAndReadsNoStdin() {
    Adapter.Result result = adapter.run(null, "client-from-env");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdinRead()).isFalse();
    assertThat(result.json().path("providers").toString()).contains("openai", "anthropic", "gemini");
  }

  @Test
  void clientFromEnvFailsWhenEveryKeyIsEmpty() {
    Adapter.Result result = adapter.with("OPENAI_API_KEY", "").with("ANTHROPIC_API_KEY", "").with("GEMINI_API_KEY", "")
        .with("OPENAI_BASE_URL", "").run(null, "client-from-env");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.json().path("error_type").asString()).isEqualTo("configuration");
  }

  @Test
  void listModelsIsANonEmptyArrayOfModelInfo() {
    Adapter.Result result = adapter.run(null, "list-models");
    assertThat(result.exitCode()).isZero();
    assertThat(result.json().isArray()).isTrue();
    assertThat(result.json().size()).isGreaterThan(3);
    assertThat(result.json().get(0).has("id")).isTrue();
    assertThat(result.stdinRead()).isFalse();
    assertThat(mock.requests()).isEmpty();
  }

  @Test
  void completeReturnsTheUnifiedResponseAndHitsTheResponsesApi() {
    Adapter.Result result = adapter.run(SIMPLE, "complete");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode response = result.json();
    assertThat(response.path("id").asString()).isNotEmpty();
    assertThat(response.path("text").asString()).contains("mock response");
    assertThat(response.path("content").isArray()).isTrue();
    assertThat(response.path("provider").asString()).isEqualTo("openai");
    assertThat(response.path("finish_reason").asString()).isEqualTo("stop");
    assertThat(response.path("usage").path("input_tokens").asInt()).isEqualTo(10);
    assertThat(response.path("usage").path("total_tokens").asInt()).isEqualTo(25);
    assertThat(mock.posts("/v1/responses")).hasSize(1);
  }

  @Test
  void defaultProviderIsUsedWhenTheRequestNamesNone() {
    Adapter.Result result = adapter.run("""
        {"model": "gpt-4o", "messages": [{"role": "user", "content": "no provider field"}], "max_tokens": 10}""", "complete");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(mock.posts("/v1/responses")).hasSize(1);
  }

  @Test
  void anthropicAndGeminiRouteToTheirNativeApis() {
    Adapter.Result anthropic = adapter.run("""
        {"model": "claude-sonnet-4-20250514", "provider": "anthropic", "messages": [{"role": "user", "content": "Say hello"}], "max_tokens": 100}""",
        "complete");
    assertThat(anthropic.exitCode()).as(anthropic.toString()).isZero();
    assertThat(mock.posts("/v1/messages")).hasSize(1);
    Adapter.Result gemini = adapter.run("""
        {"model": "gemini-pro", "provider": "gemini", "messages": [{"role": "user", "content": "Say hello"}], "max_tokens": 100}""",
        "complete");
    assertThat(gemini.exitCode()).as(gemini.toString()).isZero();
    assertThat(mock.posts("generateContent")).hasSize(1);
    assertThat(gemini.json().path("text").asString()).contains("mock response");
  }

  @Test
  void streamPrintsNdjsonWithTextDeltasAndADoneFinish() {
    Adapter.Result result = adapter.run(SIMPLE.replace("\"max_tokens\": 100", "\"max_tokens\": 100, \"stream\": true"), "stream");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    List<JsonNode> events = result.lines();
    StringBuilder text = new StringBuilder();
    events.stream().filter(e -> e.path("delta").isString()).forEach(e -> text.append(e.path("delta").asString()));
    assertThat(text.toString()).isEqualTo("Hello! This is a mock streamed response.");
    JsonNode last = events.getLast();
    assertThat(last.path("type").asString()).isEqualTo("finish");
    assertThat(last.path("done").asBoolean()).isTrue();
    assertThat(last.path("usage").path("output_tokens").asInt()).isEqualTo(20);
  }

  @Test
  void anthropicStreamsToo() {
    Adapter.Result result = adapter.run("""
        {"model": "claude-sonnet-4-20250514", "provider": "anthropic", "messages": [{"role": "user", "content": "Say hello"}],
         "max_tokens": 100, "stream": true}""", "stream");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.lines().getLast().path("done").asBoolean()).isTrue();
    assertThat(mock.posts("/v1/messages")).hasSize(1);
  }

  @Test
  void toolCallReturnsTheParsedCallThenTextOnTheNextRequest() {
    Adapter.Result first = adapter.run(TOOLS, "tool-call");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    JsonNode call = first.json().path("tool_calls").get(0);
    assertThat(call.path("name").asString()).isEqualTo("get_weather");
    assertThat(call.path("arguments").path("location").asString()).isEqualTo("San Francisco");
    assertThat(first.json().path("finish_reason").asString()).isEqualTo("tool_calls");
    Adapter.Result second = adapter.run(TOOLS, "tool-call");
    assertThat(second.json().path("tool_calls")).isEmpty();
  }

  @Test
  void anthropicToolCall() {
    Adapter.Result result = adapter.run(TOOLS.replace("\"gpt-4o\"", "\"claude-sonnet-4-20250514\"").replace("\"openai\"", "\"anthropic\""), "tool-call");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().path("tool_calls").get(0).path("arguments").path("location").asString()).isEqualTo("San Francisco");
    assertThat(mock.posts("/v1/messages")).hasSize(1);
  }

  @Test
  void generateObjectPrintsAnErrorObjectWhenTheAnswerIsNotJson() {
    Adapter.Result result = adapter.run("""
        {"model": "gpt-4o", "provider": "openai", "messages": [{"role": "user", "content": "Extract: Alice is 30 years old"}],
         "response_schema": {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer"}}, "required": ["name", "age"]},
         "max_tokens": 200}""", "generate-object");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.json().path("error_type").asString()).isEqualTo("no_object_generated");
    assertThat(mock.posts("/v1/responses")).hasSize(1);
  }

  @Test
  void multimodalAndToolResultHistoriesAreAccepted() {
    Adapter.Result image = adapter.run("""
        {"model": "gpt-4o", "provider": "openai", "messages": [{"role": "user", "content": [
          {"type": "text", "text": "What do you see?"},
          {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}]}], "max_tokens": 100}""", "complete");
    assertThat(image.exitCode()).as(image.toString()).isZero();
    assertThat(mock.posts("/v1/responses").getFirst().path("body").asString()).contains("input_image", "data:image/png;base64,iVBORw0KGgo=");
    Adapter.Result roundTrip = adapter.run("""
        {"model": "gpt-4o", "provider": "openai", "messages": [
          {"role": "user", "content": "What is the weather?"},
          {"role": "assistant", "content": null, "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"location\\": \\"SF\\"}"}}]},
          {"role": "tool", "tool_call_id": "call_1", "content": "72F and sunny"}], "max_tokens": 100}""", "complete");
    assertThat(roundTrip.exitCode()).as(roundTrip.toString()).isZero();
    String body = mock.posts("/v1/responses").getLast().path("body").asString();
    assertThat(body).contains("function_call_output", "call_1", "72F and sunny");
  }

  @Test
  void unknownModelIsRejectedWithErrorJson() {
    Adapter.Result result = adapter.run(SIMPLE.replace("gpt-4o", "nonexistent"), "complete");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.json().path("error_type").asString()).isEqualTo("not_found");
    assertThat(mock.posts("/v1/responses")).isEmpty();
  }

  @Test
  void authErrorFailsAtOnceWithoutRetrying() {
    Adapter.Result result = adapter.run(SIMPLE.replace("\"max_tokens\": 100", "\"max_tokens\": 10, \"_test_endpoint\": \"/v1/auth-error\""), "complete");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.json().path("error_type").asString()).isEqualTo("authentication");
    assertThat(mock.posts("/v1/auth-error")).hasSize(1);
  }

  @Test
  void rateLimitIsRetriedThenReported() {
    Adapter.Result result = adapter.run(SIMPLE.replace("\"max_tokens\": 100", "\"max_tokens\": 10, \"_test_endpoint\": \"/v1/rate-limited\""), "complete");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.json().path("error_type").asString()).isEqualTo("rate_limit");
    assertThat(mock.posts("/v1/rate-limited")).hasSize(3);
  }

  @Test
  void requestsAreSentWithContentLengthNeverChunked() {
    adapter.run(SIMPLE, "complete");
    assertThat(mock.posts("/v1/responses").getFirst().path("headers").has("content-length")).isTrue();
  }

  @Test
  void badStdinIsAnInvalidRequest() {
    Adapter.Result result = adapter.run("not json", "complete");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.json().path("error_type").asString()).isEqualTo("invalid_request");
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    assertThat(adapter.run(null, "fly").exitCode()).isEqualTo(2);
    assertThat(adapter.run(null).exitCode()).isEqualTo(2);
  }
}
