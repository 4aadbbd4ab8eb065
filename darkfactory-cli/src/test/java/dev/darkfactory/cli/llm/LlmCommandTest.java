package dev.darkfactory.cli.llm;

import dev.darkfactory.cli.render.Json;
import tools.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.llm.Environment;
import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LlmCommandTest {

  private FakeProviderServer twin;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    twin = FakeProviderServer.start();
  }

  @AfterEach
  void stop() {
    twin.close();
  }

  private int run(Map<String, String> env, String... args) {
    CommandLine command = new CommandLine(new LlmCommand(Environment.of(env)));
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  @Test
  void modelsListsTheCatalogFilteredByProvider() {
    assertThat(run(twin.environment(), "models", "--provider", "anthropic")).isZero();
    assertThat(out.toString()).contains("claude-opus-4-6").contains("5.0").doesNotContain("gpt-5.2");
    out.getBuffer().setLength(0);
    assertThat(run(Map.of(), "models", "--json")).isZero();
    assertThat(out.toString()).startsWith("[{").contains("\"id\":\"gemini-3-flash-preview\"").contains("\"context_window\":1048576");
  }

  @Test
  void completeStreamsTextThenPrintsUsageAndCost() {
    twin.enqueue(Reply.text("Hello from the twin!").withChunkSize(3).withUsage(1000, 20));
    assertThat(run(twin.environment(), "complete", "--model", "claude-opus-4-6", "Say hello")).isZero();
    assertThat(out.toString()).startsWith("Hello from the twin!\n")
        .contains("[anthropic claude-opus-4-6] tokens: 1000 in, 20 out | cost: $0.005500 | finish: stop");
    assertThat(twin.lastRequest().path()).isEqualTo("/v1/messages");
  }

  @Test
  void completeJsonPrintsTheUnifiedResponse() {
    twin.enqueue(Reply.text("{}").withToolCall("get_weather", "{\"city\":\"SF\"}"));
    assertThat(run(twin.environment(), "complete", "--provider", "openai", "--model", "gpt-5.2", "--json", "weather?")).isZero();
    JsonNode json = Json.mapper().readTree(out.toString());
    assertThat(json.path("provider").asString()).isEqualTo("openai");
    assertThat(json.path("finish_reason").asString()).isEqualTo("tool_calls");
    JsonNode call = json.path("tool_calls").get(0);
    assertThat(call.path("id").asString()).isEqualTo("call_twin_1_0");
    assertThat(call.path("name").asString()).isEqualTo("get_weather");
    assertThat(call.path("arguments").path("city").asString()).isEqualTo("SF");
    assertThat(json.path("usage").path("input_tokens").isIntegralNumber()).isTrue();
  }

  @Test
  void errorsPrintTheMessageAndARemedyWithExitOneForAFailedCallAndTwoForNoProvider() {
    twin.enqueue(Reply.fault(Fault.creditBalanceTooLow()));
    assertThat(run(twin.environment(), "complete", "--model", "claude-opus-4-6", "hi")).isEqualTo(1);
    assertThat(err.toString()).contains("error: anthropic returned HTTP 400").contains("hint: The account's credits");
    err.getBuffer().setLength(0);
    assertThat(run(twin.environment(), "complete", "--provider", "openai", "--model", "nonexistent", "--json", "hi")).isEqualTo(1);
    assertThat(out.toString()).contains("\"error_type\":\"not_found\"");
    assertThat(run(Map.of("OPENAI_API_KEY", ""), "complete", "--model", "gpt-5.2", "hi")).isEqualTo(2);
    assertThat(err.toString()).contains("No LLM provider is configured");
  }
}
