package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.agent.ToolException;
import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.SubagentControl;
import dev.darkfactory.agent.tool.Tool;
import dev.darkfactory.agent.tool.ToolArguments;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.llm.ToolDefinition;
import java.util.List;

/**
 * The four subagent tools (coding-agent-loop-spec §7.2). Each delegates to the calling session's
 * {@link SubagentControl}; the session decides depth limits and owns the subagents.
 */
public final class SubagentTools {
  private SubagentTools() {}

  /**
   * {@code spawn_agent}, {@code send_input}, {@code wait}, {@code close_agent}. They run in the
   * model's order (not concurrently), so a {@code wait} in the same response as its {@code
   * spawn_agent} finds the subagent; the subagents themselves still run concurrently.
   */
  public static List<Tool> all() {
    return List.of(sequential(spawnAgent()), sequential(sendInput()), sequential(waitFor()), sequential(closeAgent()));
  }

  private static Tool sequential(Tool tool) {
    return new Tool() {
      @Override
      public ToolDefinition definition() {
        return tool.definition();
      }

      @Override
      public dev.darkfactory.agent.tool.ToolOutput execute(ToolArguments arguments, ToolContext context) throws Exception {
        return tool.execute(arguments, context);
      }

      @Override
      public boolean concurrencySafe() {
        return false;
      }
    };
  }

  static Tool spawnAgent() {
    ToolDefinition definition = new ToolDefinition(
        "spawn_agent",
        "Spawn a subagent to handle a scoped task autonomously. It shares your files but not your"
            + " conversation, runs in parallel with you, and reports back through wait.",
        Schema.object()
            .string("task", "What the subagent should do, with all the context it needs.", true)
            .string("working_dir", "Subdirectory to scope the subagent to.", false)
            .string("model", "Model override (default: your model).", false)
            .integer("max_turns", "Turn limit (default 0: unlimited).", false)
            .build());
    return Tool.of(definition, (arguments, context) -> {
      String id = control(context).spawn(new SubagentControl.SpawnRequest(
          arguments.string("task"),
          arguments.optionalString("working_dir").filter(dir -> !dir.isBlank()),
          arguments.optionalString("model").filter(model -> !model.isBlank()),
          Math.max(0, arguments.optionalInt("max_turns").orElse(0))));
      return "Spawned subagent " + id + " (status: running). Call wait with agent_id \"" + id + "\" for its result.";
    });
  }

  static Tool sendInput() {
    ToolDefinition definition = new ToolDefinition(
        "send_input",
        "Send a message to a subagent: it steers a running subagent, or starts new work for a finished one.",
        Schema.object()
            .string("agent_id", "The subagent's id from spawn_agent.", true)
            .string("message", "The message.", true)
            .build());
    return Tool.of(definition, (arguments, context) ->
        control(context).sendInput(arguments.string("agent_id"), arguments.string("message")));
  }

  static Tool waitFor() {
    ToolDefinition definition = new ToolDefinition(
        "wait",
        "Wait for a subagent to complete and return its result: its final output, whether it succeeded and"
            + " how many turns it used.",
        Schema.object().string("agent_id", "The subagent's id from spawn_agent.", true).build());
    return Tool.of(definition, (arguments, context) -> {
      SubagentControl.Result result = control(context).await(arguments.string("agent_id"));
      return "Subagent " + result.agentId() + " " + result.status() + " (success: " + result.success()
          + ", turns used: " + result.turnsUsed() + ").\n\n" + result.output();
    });
  }

  static Tool closeAgent() {
    ToolDefinition definition = new ToolDefinition(
        "close_agent",
        "Terminate a subagent and return its final status.",
        Schema.object().string("agent_id", "The subagent's id from spawn_agent.", true).build());
    return Tool.of(definition, (arguments, context) ->
        control(context).close(arguments.string("agent_id")));
  }

  private static SubagentControl control(ToolContext context) {
    return context.subagents().orElseThrow(() -> new ToolException(ToolException.Kind.SUBAGENT,
        "Subagents are not available here. Do the work yourself."));
  }
}
