package dev.darkfactory.agent.tool;

import dev.darkfactory.agent.env.ExecutionEnvironment;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a tool may use while it runs.
 *
 * @param environment where files and commands are (§4)
 * @param callId the tool call being executed
 * @param timeouts the session's command timeouts at the time of the call
 * @param outputDeltas receives output as it is produced ({@code TOOL_CALL_OUTPUT_DELTA}, §2.9)
 * @param subagents the calling session's subagents (§7); empty where there are none
 */
public record ToolContext(
    ExecutionEnvironment environment,
    String callId,
    CommandTimeouts timeouts,
    Consumer<String> outputDeltas,
    Optional<SubagentControl> subagents) {

  public ToolContext {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(outputDeltas, "outputDeltas");
    Objects.requireNonNull(subagents, "subagents");
  }

  /** A context for running a tool outside a session (tests, the conformance adapter). */
  public static ToolContext of(ExecutionEnvironment environment) {
    return new ToolContext(environment, "call", CommandTimeouts.defaults(), delta -> {}, Optional.empty());
  }

  public ToolContext withCallId(String value) {
    return new ToolContext(environment, value, timeouts, outputDeltas, subagents);
  }

  public ToolContext withOutputDeltas(Consumer<String> value) {
    return new ToolContext(environment, callId, timeouts, value, subagents);
  }
}
