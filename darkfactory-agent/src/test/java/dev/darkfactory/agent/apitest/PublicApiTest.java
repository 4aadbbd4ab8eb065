package dev.darkfactory.agent.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.AgentEvent;
import dev.darkfactory.agent.AgentEventStream;
import dev.darkfactory.agent.AgentException;
import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.InvalidConfigurationException;
import dev.darkfactory.agent.Session;
import dev.darkfactory.agent.SessionConfig;
import dev.darkfactory.agent.SessionFailedException;
import dev.darkfactory.agent.SessionStateException;
import dev.darkfactory.agent.StopReason;
import dev.darkfactory.agent.SubmitResult;
import dev.darkfactory.agent.ToolException;
import dev.darkfactory.agent.Turn;
import dev.darkfactory.agent.env.ConfinedExecutionEnvironment;
import dev.darkfactory.agent.env.ExecutionEnvironment;
import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.profile.ProviderProfiles;
import dev.darkfactory.agent.tool.HookDecision;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolHook;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolDefinition;
import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the pipeline's agent-backed codergen backend does, written against public types only: a
 * session per node with a provider, model and reasoning effort, a working directory, an extra
 * {@code report_outcome} tool, a hook around every tool call, the event stream, and the result.
 */
class PublicApiTest {
  @TempDir Path workdir;

  @Test
  void aPipelineStageDrivesASession() throws Exception {
    try (FakeProviderServer twin = FakeProviderServer.start();
        Client client = Client.fromEnv(Environment.of(twin.environment()))) {
      twin.enqueue(Reply.toolCall("report_outcome", "{\"status\":\"success\",\"notes\":\"all good\"}"));
      twin.enqueue(Reply.text("Stage complete."));

      ProviderProfile profile = ProviderProfiles.create("anthropic", "claude-sonnet-4-5");
      AtomicReference<String> outcome = new AtomicReference<>();
      profile.toolRegistry().register(Tool.of(new ToolDefinition("report_outcome", "Report the stage outcome",
          JsonMapper.builder().build().readTree("""
              {"type":"object","properties":{"status":{"type":"string","enum":["success","fail"]},
               "notes":{"type":"string"}},"required":["status"]}""")),
          (arguments, context) -> {
            outcome.set(arguments.string("status"));
            return "Outcome recorded.";
          }));
      List<String> audit = new ArrayList<>();
      ExecutionEnvironment env = new ConfinedExecutionEnvironment(LocalExecutionEnvironment.create(workdir));
      Session session = Session.builder(client, profile, env)
          .config(SessionConfig.builder().reasoningEffort("high").maxToolRoundsPerInput(40).build())
          .hook(new ToolHook() {
            @Override
            public HookDecision beforeToolCall(ToolCall call, ToolContext context) {
              audit.add(call.name());
              return HookDecision.proceed();
            }
          })
          .build();
      AgentEventStream events = session.events();
      CompletableFuture<List<String>> rendered = CompletableFuture.supplyAsync(() -> {
        List<String> lines = new ArrayList<>();
        for (AgentEvent event : events) {
          lines.add(describe(event));
        }
        return lines;
      });

      SubmitResult result = session.submit("Implement the stage");
      session.close();

      assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
      assertThat(result.output()).isEqualTo("Stage complete.");
      assertThat(outcome.get()).isEqualTo("success");
      assertThat(audit).containsExactly("report_outcome");
      assertThat(session.usage().llmCalls()).isEqualTo(2);
      assertThat(session.history()).first().isInstanceOf(Turn.UserTurn.class);
      assertThat(rendered.get()).first().asString().startsWith("start");
      assertThat(rendered.get()).last().asString().startsWith("end");
    }
  }

  /** Every event kind, switched over exhaustively: a new kind breaks this on purpose. */
  private static String describe(AgentEvent event) {
    return switch (event) {
      case AgentEvent.SessionStart e -> "start " + e.model();
      case AgentEvent.SessionEnd e -> "end " + e.finalState();
      case AgentEvent.UserInput e -> "input " + e.content();
      case AgentEvent.ProcessingEnd e -> "done " + e.stopReason();
      case AgentEvent.AssistantTextStart e -> "text";
      case AgentEvent.AssistantTextDelta e -> e.delta();
      case AgentEvent.AssistantTextEnd e -> "text end";
      case AgentEvent.ToolCallStart e -> "tool " + e.toolName() + " " + e.arguments();
      case AgentEvent.ToolCallOutputDelta e -> e.delta();
      case AgentEvent.ToolCallEnd e -> "tool end " + e.output();
      case AgentEvent.SteeringInjected e -> "steer " + e.content();
      case AgentEvent.TurnLimit e -> "limit " + e.limit();
      case AgentEvent.LoopDetection e -> e.message();
      case AgentEvent.Warning e -> "warning " + e.message();
      case AgentEvent.Error e -> "error " + e.message();
      case AgentEvent.SubagentEvent e -> "subagent " + e.agentId() + ": " + describe(e.event());
    };
  }

  /** The failures a host may see, switched over exhaustively. */
  static String explain(AgentException failure) {
    return switch (failure) {
      case EnvironmentException e -> "environment: " + e.reason();
      case ToolException e -> "tool: " + e.kind();
      case SessionStateException e -> "misuse: " + e.getMessage();
      case SessionFailedException e -> "session failed: " + e.getMessage();
      case InvalidConfigurationException e -> "configuration: " + e.getMessage();
    };
  }

  @Test
  void failuresAreOneSealedHierarchy() {
    assertThat(explain(new SessionStateException("busy"))).isEqualTo("misuse: busy");
    assertThat(explain(EnvironmentException.notFound("x"))).isEqualTo("environment: NOT_FOUND");
  }
}
