package dev.darkfactory.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.testing.Twin;
import dev.darkfactory.agent.tool.HookDecision;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolHook;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolDefinition;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tool execution inside a session (§9.3), output limits (§9.5), steering (§9.6) and hooks. */
class SessionToolsTest extends TwinFixture {
  @Test
  void unknownToolsAndMalformedArgumentsGoBackToTheModelAsErrors() {
    twin.calls("teleport", "{}", "read_file", "not_valid_json{{{", "read_file", "{\"offset\":\"x\"}").text("I see.");

    SubmitResult result = twin.session(Twin.profile("openai")).submit("try things");

    assertThat(result.completed()).isTrue();
    var ends = twin.events(AgentEvent.ToolCallEnd.class);
    assertThat(ends).hasSize(3).allSatisfy(end -> assertThat(end.isError()).isTrue());
    // The three calls form one concurrent batch, so their end events come in any order.
    assertThat(ends).filteredOn(end -> end.toolName().equals("teleport")).singleElement()
        .satisfies(end -> assertThat(end.output()).startsWith("Unknown tool: teleport"));
    assertThat(ends).filteredOn(end -> end.toolName().equals("read_file")).extracting(AgentEvent.ToolCallEnd::output)
        .hasSize(2).allSatisfy(output -> assertThat(output).startsWith("Invalid arguments for tool: read_file: "))
        .anySatisfy(output -> assertThat(output).contains("the arguments are not a valid JSON"));
    assertThat(twin.recorded().get(1).body()).contains("Unknown tool: teleport", "Invalid arguments for tool: read_file");
  }

  @Test
  void customToolOverridesAProfileToolAndIsDispatchedThroughTheRegistry() {
    ProviderProfile profile = Twin.profile("anthropic");
    profile.toolRegistry().register(Tool.of(new ToolDefinition("shell", "Sandboxed fake shell",
        Schema.object().string("command", "cmd", true).build()), (args, ctx) -> "fake: " + args.string("command")));
    profile.toolRegistry().register(Tool.of(new ToolDefinition("report_outcome", "Report the stage outcome",
        Schema.object().enumeration("status", "outcome", List.of("success", "fail"), true).build()),
        (args, ctx) -> "recorded " + args.string("status")));
    twin.calls("shell", "{\"command\":\"rm -rf /\"}", "report_outcome", "{\"status\":\"success\"}").text("done");

    twin.session(profile).submit("go");

    // The two calls may run concurrently, so their end events come in either order; the results go back in call order.
    assertThat(twin.events(AgentEvent.ToolCallEnd.class)).extracting(AgentEvent.ToolCallEnd::output)
        .containsExactlyInAnyOrder("fake: rm -rf /", "recorded success");
    String followUp = twin.recorded().get(1).body();
    assertThat(followUp).contains("fake: rm -rf /", "recorded success");
    assertThat(followUp.indexOf("fake: rm -rf /")).isLessThan(followUp.indexOf("recorded success"));
    assertThat(twin.requests().getFirst().toString()).contains("report_outcome", "Sandboxed fake shell");
  }

  @Test
  void characterAndLineLimitsAreOverridableFromTheSessionConfig() throws Exception {
    Files.writeString(dir.resolve("lines.txt"), "line\n".repeat(50));
    twin.calls("shell", "{\"command\":\"cat lines.txt\"}", "read_file", "{\"file_path\":\"lines.txt\"}").text("ok");
    SessionConfig config = SessionConfig.builder().retryPolicy(Twin.FAST_RETRIES)
        .toolLineLimit("shell", 10).toolOutputLimit("read_file", 100).build();

    twin.session(Twin.profile("openai"), config).submit("read");

    String sent = twin.recorded().get(1).body();
    assertThat(sent).containsPattern("\\[\\.\\.\\. 4[0-9] lines omitted \\.\\.\\.\\]");
    assertThat(sent).contains("characters were removed from the middle");
    assertThat(twin.events(AgentEvent.ToolCallEnd.class)).filteredOn(end -> end.toolName().equals("read_file"))
        .singleElement().satisfies(end -> assertThat(end.output()).hasLineCount(50));
  }

  @Test
  void steeringWhileIdleIsDeliveredWithTheNextInputAsAUserMessage() {
    twin.text("ok");
    Session session = twin.session(Twin.profile("anthropic"));

    session.steer("Use tabs, not spaces");
    session.submit("Format the file");

    assertThat(session.history()).hasExactlyElementsOfTypes(Turn.UserTurn.class, Turn.SteeringTurn.class, Turn.AssistantTurn.class);
    var messages = twin.requests().getFirst().path("messages");
    assertThat(messages.get(0).path("role").asString()).isEqualTo("user");
    assertThat(messages.toString()).contains("Format the file", "Use tabs, not spaces");
    assertThat(twin.kinds()).containsSubsequence(EventKind.USER_INPUT, EventKind.STEERING_INJECTED, EventKind.ASSISTANT_TEXT_END);
  }

  @Test
  void hooksRunAroundEveryToolCall() {
    List<String> log = new CopyOnWriteArrayList<>();
    ToolHook audit = new ToolHook() {
      @Override
      public HookDecision beforeToolCall(ToolCall call, ToolContext context) {
        log.add("pre " + call.name());
        return call.name().equals("shell") ? HookDecision.skip("shell is disabled in this stage") : HookDecision.proceed();
      }

      @Override
      public dev.darkfactory.agent.tool.ToolExecution afterToolCall(ToolCall call, dev.darkfactory.agent.tool.ToolExecution execution) {
        log.add("post " + call.name() + (execution.isError() ? " error" : ""));
        return execution;
      }
    };
    twin.calls("glob", "{\"pattern\":\"*\"}").calls("shell", "{\"command\":\"echo no\"}").text("ok");
    Session session = Session.builder(twin.client, Twin.profile("gemini"),
            dev.darkfactory.agent.env.LocalExecutionEnvironment.create(dir))
        .hook(audit).listener(twin.events::add).build();

    session.submit("go");

    assertThat(log).containsExactly("pre glob", "post glob", "pre shell", "post shell error");
    assertThat(twin.events(AgentEvent.ToolCallEnd.class).get(1).output())
        .isEqualTo("Tool call skipped: shell is disabled in this stage");
  }

  @Test
  void configurationChangesApplyToTheNextCall() {
    twin.text("one").text("two");
    Session session = twin.session(Twin.profile("openai"));

    session.submit("first");
    session.setModel("gpt-5.2-mini");
    session.updateConfig(config -> config.toBuilder().maxOutputTokens(1234).build());
    session.submit("second");

    assertThat(twin.requests().get(0).path("model").asString()).isEqualTo("gpt-5.2");
    assertThat(twin.requests().get(1).path("model").asString()).isEqualTo("gpt-5.2-mini");
    assertThat(twin.requests().get(1).path("max_output_tokens").asInt()).isEqualTo(1234);
    assertThat(session.usage().llmCalls()).isEqualTo(2);
    assertThat(session.usage().usage().totalTokens()).isPositive();
  }

  @Test
  void aThinkingSignatureGoesBackVerbatimInTheNextRequestOfTheSession() {
    // Peer lesson: Anthropic rejects a tool-use turn whose thinking block lost or changed its signature.
    twin.reply(dev.darkfactory.testkit.Reply.toolCall("glob", "{\"pattern\":\"*.txt\"}")
        .withThinking("I should look for text files first.", "sig_Zq9+/==")).text("None found.");

    twin.session(Twin.profile("anthropic")).submit("Any text files?");

    var followUp = twin.requests().get(1);
    assertThat(followUp.toString()).contains("I should look for text files first.");
    assertThat(followUp.findValues("signature")).extracting(JsonNode::asString).containsExactly("sig_Zq9+/==");
  }
}
