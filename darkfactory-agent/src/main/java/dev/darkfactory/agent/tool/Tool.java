package dev.darkfactory.agent.tool;

import dev.darkfactory.llm.ToolDefinition;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A tool the model can call (coding-agent-loop-spec §3.8 {@code RegisteredTool}): its definition,
 * sent to the model, and its executor, which does the work through the {@link ToolContext}'s
 * execution environment.
 *
 * <p>An executor reports failure by throwing (any exception; its message goes to the model as
 * {@code "Tool error (name): message"}) or by returning {@link ToolOutput#error}. Either way the
 * model gets an error result and the loop goes on (Appendix B).
 */
public interface Tool {

  ToolDefinition definition();

  /** Runs the tool with arguments already validated against the definition's schema. */
  ToolOutput execute(ToolArguments arguments, ToolContext context) throws Exception;

  default String name() {
    return definition().name();
  }

  /**
   * Rewrites the model's arguments before validation: accepts aliases such as {@code path} for
   * {@code file_path}. The identity by default.
   */
  default JsonNode normalize(JsonNode arguments) {
    return arguments;
  }

  /**
   * Whether this tool may run at the same time as other calls of the same round (§2.5 parallel
   * execution). Tools that change files or shared state answer false: they then run alone, in the
   * order the model gave, so two edits of one file cannot interleave and a {@code wait} issued with
   * its {@code spawn_agent} sees the subagent. True by default.
   */
  default boolean concurrencySafe() {
    return true;
  }

  /** The output limit when the spec's table (§5.2) does not name this tool. */
  default Optional<ToolLimit> defaultLimit() {
    return Optional.empty();
  }

  /**
   * A tool from a definition and a function returning text: the spec's {@code RegisteredTool}
   * (§3.7), for custom tools such as a pipeline's {@code report_outcome}.
   */
  static Tool of(ToolDefinition definition, ToolExecutor executor) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(executor, "executor");
    return new Tool() {
      @Override
      public ToolDefinition definition() {
        return definition;
      }

      @Override
      public ToolOutput execute(ToolArguments arguments, ToolContext context) throws Exception {
        return ToolOutput.text(executor.execute(arguments, context));
      }

      @Override
      public String toString() {
        return "Tool[" + definition.name() + "]";
      }
    };
  }
}
