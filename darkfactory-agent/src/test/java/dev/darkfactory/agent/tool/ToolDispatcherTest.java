package dev.darkfactory.agent.tool;

import dev.darkfactory.llm.generate.JsonSchemaValidator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import dev.darkfactory.agent.internal.Json;
import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.builtin.ReadFileTool;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool execution pipeline of coding-agent-loop-spec §3.8 and its error results (Appendix B). */
class ToolDispatcherTest {
  @TempDir Path dir;

  private final ToolDefinition echoDefinition =
      new ToolDefinition("echo", "Echoes", Schema.object().string("text", "What to echo", true).integer("n", "Count", false).build());
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final ToolCallObserver observer = new ToolCallObserver() {
    @Override
    public void started(ToolCall call) {
      events.add("start " + call.id());
    }

    @Override
    public void outputDelta(ToolCall call, String delta) {
      events.add("delta " + delta);
    }

    @Override
    public void finished(ToolExecution execution) {
      events.add("end " + execution.call().id() + (execution.isError() ? " error" : ""));
    }
  };

  private ToolExecution dispatch(ToolRegistry registry, ToolCall call, List<ToolHook> hooks, OutputLimits limits) {
    ToolDispatcher dispatcher = new ToolDispatcher(registry, new JsonSchemaValidator(), limits, hooks);
    return dispatcher.dispatch(call, ToolContext.of(LocalExecutionEnvironment.create(dir)), observer);
  }

  private ToolExecution dispatch(ToolRegistry registry, ToolCall call) {
    return dispatch(registry, call, List.of(), OutputLimits.defaults());
  }

  private ToolRegistry echo() {
    return ToolRegistry.of(List.of(Tool.of(echoDefinition, (args, ctx) -> {
      ctx.outputDeltas().accept("partial");
      return args.string("text");
    })));
  }

  @Test
  void runsAValidCallAndReportsStartAndEnd() {
    ToolExecution execution = dispatch(echo(), ToolCall.fromRaw("c1", "echo", "{\"text\":\"hi\"}"));

    assertThat(execution.isError()).isFalse();
    assertThat(execution.modelOutput()).isEqualTo("hi");
    assertThat(execution.result().toolCallId()).isEqualTo("c1");
    assertThat(events).containsExactly("start c1", "delta partial", "end c1");
  }

  @Test
  void unknownToolIsAnErrorResultNamingTheAvailableTools() {
    ToolExecution execution = dispatch(echo(), ToolCall.fromRaw("c2", "nope", "{}"));

    assertThat(execution.isError()).isTrue();
    assertThat(execution.modelOutput()).isEqualTo("Unknown tool: nope. Available tools: echo.");
    assertThat(events).containsExactly("start c2", "end c2 error");
  }

  @Test
  void malformedJsonIsAnErrorResult() {
    ToolExecution execution = dispatch(echo(), ToolCall.fromRaw("c3", "echo", "not_valid_json{{{"));

    assertThat(execution.isError()).isTrue();
    assertThat(execution.modelOutput()).startsWith("Invalid arguments for tool: echo: the arguments are not a valid JSON object (not_valid_json{{{)");
  }

  @Test
  void schemaViolationsAreListed() {
    ToolExecution missing = dispatch(echo(), ToolCall.of("c4", "echo", Json.parse("{\"n\":1}")));
    ToolExecution wrongType = dispatch(echo(), ToolCall.of("c5", "echo", Json.parse("{\"text\":\"x\",\"n\":\"one\"}")));

    assertThat(missing.modelOutput()).startsWith("Invalid arguments for tool: echo: ").contains("text");
    assertThat(wrongType.modelOutput()).startsWith("Invalid arguments for tool: echo: ").contains("n");
    assertThat(List.of(missing, wrongType)).allMatch(ToolExecution::isError);
  }

  @Test
  void executorExceptionsBecomeToolErrors() {
    ToolRegistry registry = ToolRegistry.of(List.of(Tool.of(echoDefinition, (args, ctx) -> {
      throw new IllegalStateException("disk on fire");
    })));

    ToolExecution execution = dispatch(registry, ToolCall.fromRaw("c6", "echo", "{\"text\":\"x\"}"));

    assertThat(execution.isError()).isTrue();
    assertThat(execution.modelOutput()).isEqualTo("Tool error (echo): disk on fire");
  }

  @Test
  void readFileAcceptsPathAsAnAliasOfFilePath() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "alpha");
    ToolRegistry registry = ToolRegistry.of(List.of(new ReadFileTool()));

    ToolExecution execution = dispatch(registry, ToolCall.fromRaw("c7", "read_file", "{\"path\":\"a.txt\"}"));

    assertThat(execution.isError()).isFalse();
    assertThat(execution.modelOutput()).isEqualTo("  1 | alpha");
  }

  @Test
  void modelGetsTruncatedOutputWhileTheFullOutputIsKept() {
    String big = "x".repeat(5_000);
    ToolExecution execution = dispatch(echo(), ToolCall.of("c8", "echo", Json.object().put("text", big)),
        List.of(), new OutputLimits(Map.of("echo", 100), Map.of()));

    assertThat(execution.fullOutput()).isEqualTo(big);
    assertThat(execution.modelOutput()).hasSizeLessThan(400).contains("[WARNING: Tool output was truncated.");
  }

  @Test
  void hooksCanSkipACallAndRewriteItsResult() {
    ToolHook skipper = new ToolHook() {
      @Override
      public HookDecision beforeToolCall(ToolCall call, ToolContext context) {
        return call.arguments().path("text").asString().equals("rm") ? HookDecision.skip("not allowed") : HookDecision.proceed();
      }
    };
    ToolHook redactor = new ToolHook() {
      @Override
      public ToolExecution afterToolCall(ToolCall call, ToolExecution execution) {
        return new ToolExecution(call, dev.darkfactory.llm.ToolResult.success(call.id(), "[redacted]"),
            execution.fullOutput(), execution.image(), execution.duration());
      }
    };

    ToolExecution skipped = dispatch(echo(), ToolCall.fromRaw("c9", "echo", "{\"text\":\"rm\"}"), List.of(skipper), OutputLimits.defaults());
    ToolExecution rewritten = dispatch(echo(), ToolCall.fromRaw("c10", "echo", "{\"text\":\"secret\"}"), List.of(redactor), OutputLimits.defaults());

    assertThat(skipped.isError()).isTrue();
    assertThat(skipped.modelOutput()).isEqualTo("Tool call skipped: not allowed");
    assertThat(rewritten.modelOutput()).isEqualTo("[redacted]");
  }

  @Test
  void aThrowingHookVetoesTheCall() {
    ToolHook broken = new ToolHook() {
      @Override
      public HookDecision beforeToolCall(ToolCall call, ToolContext context) {
        throw new IllegalStateException("hook crashed");
      }
    };

    ToolExecution execution = dispatch(echo(), ToolCall.fromRaw("c11", "echo", "{\"text\":\"x\"}"), List.of(broken), OutputLimits.defaults());

    assertThat(execution.modelOutput()).isEqualTo("Tool call refused by a hook: hook crashed");
  }

  @Test
  void registryLatestRegistrationWins() {
    ToolRegistry registry = echo();
    registry.register(Tool.of(echoDefinition, (args, ctx) -> "override"));

    assertThat(registry.names()).containsExactly("echo");
    assertThat(dispatch(registry, ToolCall.fromRaw("c12", "echo", "{\"text\":\"x\"}")).modelOutput()).isEqualTo("override");
    registry.unregister("echo");
    assertThat(registry.get("echo")).isEmpty();
  }
}
