package dev.darkfactory.agent.tool;

import dev.darkfactory.llm.generate.JsonSchemaValidator;
import dev.darkfactory.agent.internal.Json;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Runs one tool call through the pipeline of coding-agent-loop-spec §3.8: look up, validate,
 * (hooks), execute, truncate, report, return. Nothing escapes as an exception: an unknown tool,
 * invalid arguments, a vetoing hook and a failing executor all become error results the model can
 * act on (§2.5 {@code execute_single_tool}, Appendix B). The spec's message prefixes are kept
 * ({@code "Unknown tool: "}, {@code "Invalid arguments for tool: "}, {@code "Tool error (name): "})
 * with details appended so the model can correct itself.
 */
public final class ToolDispatcher {
  private final ToolRegistry registry;
  private final JsonSchemaValidator validator;
  private final OutputLimits limits;
  private final List<ToolHook> hooks;

  public ToolDispatcher(ToolRegistry registry, JsonSchemaValidator validator, OutputLimits limits, List<ToolHook> hooks) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.validator = Objects.requireNonNull(validator, "validator");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.hooks = List.copyOf(hooks);
  }

  /** A dispatcher with default limits and no hooks. */
  public static ToolDispatcher of(ToolRegistry registry) {
    return new ToolDispatcher(registry, new JsonSchemaValidator(), OutputLimits.defaults(), List.of());
  }

  public ToolExecution dispatch(ToolCall call, ToolContext context, ToolCallObserver observer) {
    long started = System.nanoTime();
    observer.started(call);
    ToolContext callContext =
        context.withCallId(call.id()).withOutputDeltas(delta -> observer.outputDelta(call, delta));
    ToolExecution execution = run(call, callContext, started);
    for (ToolHook hook : hooks) {
      try {
        execution = Objects.requireNonNull(hook.afterToolCall(call, execution), "afterToolCall result");
      } catch (RuntimeException e) {
        // A broken post-hook must not lose the result the model is waiting for (attractor-spec §9.7).
      }
    }
    observer.finished(execution);
    return execution;
  }

  private ToolExecution run(ToolCall call, ToolContext context, long started) {
    Optional<Tool> found = registry.get(call.name());
    if (found.isEmpty()) {
      return failure(call, "Unknown tool: " + call.name() + ". Available tools: "
          + String.join(", ", registry.names()) + ".", started);
    }
    Tool tool = found.get();
    if (!call.argumentsParsed()) {
      return failure(call, "Invalid arguments for tool: " + call.name() + ": the arguments are not a valid JSON"
          + " object (" + excerpt(call.rawArguments().orElse("")) + "). If the output was cut off, send"
          + " smaller pieces, e.g. write a large file in several steps.", started);
    }
    JsonNode arguments = tool.normalize(call.arguments());
    List<String> violations = validator.violations(tool.definition().parameters(), arguments);
    if (!violations.isEmpty()) {
      return failure(call, "Invalid arguments for tool: " + call.name() + ": " + String.join("; ", violations), started);
    }
    Optional<String> veto = veto(call, context);
    if (veto.isPresent()) {
      return failure(call, veto.get(), started);
    }
    ToolOutput output;
    try {
      output = tool.execute(new ToolArguments(arguments), context);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(call, "Tool error (" + call.name() + "): interrupted because the session was aborted", started);
    } catch (Exception e) {
      return failure(call, "Tool error (" + call.name() + "): " + message(e), started);
    }
    String truncated = OutputTruncation.truncate(output.text(), limits.forTool(call.name(), tool.defaultLimit()));
    return new ToolExecution(
        call, new ToolResult(call.id(), Json.MAPPER.getNodeFactory().stringNode(truncated), output.isError()),
        output.text(), output.image(), elapsed(started));
  }

  private Optional<String> veto(ToolCall call, ToolContext context) {
    for (ToolHook hook : hooks) {
      try {
        if (hook.beforeToolCall(call, context) instanceof HookDecision.Skip skip) {
          return Optional.of("Tool call skipped: " + skip.reason());
        }
      } catch (RuntimeException e) {
        return Optional.of("Tool call refused by a hook: " + message(e));
      }
    }
    return Optional.empty();
  }

  private ToolExecution failure(ToolCall call, String message, long started) {
    String truncated = OutputTruncation.truncate(message, limits.forTool(call.name()));
    return new ToolExecution(call, ToolResult.error(call.id(), truncated), message, Optional.empty(), elapsed(started));
  }

  private static String message(Exception e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String excerpt(String raw) {
    return raw.length() <= 120 ? raw : raw.substring(0, 60) + " ... " + raw.substring(raw.length() - 40);
  }

  private static Duration elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
