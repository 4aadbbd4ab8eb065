package dev.darkfactory.agent.tool.builtin;

import dev.darkfactory.agent.ToolException;
import dev.darkfactory.agent.env.CommandRequest;
import dev.darkfactory.agent.env.ExecResult;
import dev.darkfactory.agent.internal.Schema;
import dev.darkfactory.agent.tool.ToolArguments;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolOutput;
import dev.darkfactory.llm.ToolDefinition;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code shell} (coding-agent-loop-spec §3.3): runs a command in its own process group with the
 * session's timeout, streaming its output as {@code TOOL_CALL_OUTPUT_DELTA} events. A non-zero exit
 * or a timeout is an error result (Appendix B {@code ShellExitError}, {@code ShellTimeout}) that
 * still carries the output.
 */
public final class ShellTool extends BuiltinTool {
  private final Optional<Duration> profileDefault;

  /**
   * @param profileDefault a profile's own default timeout, overriding the session's (the Anthropic
   *     profile's 120 s, §3.5); the session's maximum still applies
   */
  public ShellTool(String description, Optional<Duration> profileDefault) {
    super(
        new ToolDefinition(
            "shell",
            description,
            Schema.object()
                .string("command", "The command to run with /bin/bash -c.", true)
                .integer("timeout_ms", "Timeout in milliseconds; overrides the default"
                    + profileDefault.map(d -> " of " + d.toMillis() + " ms").orElse("") + ".", false)
                .string("description", "A short description of what the command does.", false)
                .build()));
    this.profileDefault = profileDefault;
  }

  public ShellTool() {
    this("Execute a shell command. Returns stdout, stderr, exit code and duration. Commands time out after"
        + " the default timeout unless timeout_ms is set; long builds and test suites need a longer one.",
        Optional.empty());
  }

  @Override
  public ToolOutput execute(ToolArguments arguments, ToolContext context) {
    Optional<Duration> requested = arguments.optionalLong("timeout_ms").map(Duration::ofMillis);
    if (requested.isPresent() && (requested.get().isNegative() || requested.get().isZero())) {
      throw new ToolException(ToolException.Kind.INVALID_ARGUMENTS, "timeout_ms must be positive.");
    }
    Duration timeout = context.timeouts().effective(requested, profileDefault.orElse(context.timeouts().defaultTimeout()));
    ExecResult result = context.environment().execCommand(
        CommandRequest.of(arguments.string("command"), timeout)
            .withOutputListener((stream, chunk) -> context.outputDeltas().accept(chunk)));
    return new ToolOutput(render(result, timeout), !result.succeeded(), Optional.empty());
  }

  static String render(ExecResult result, Duration timeout) {
    StringBuilder out = new StringBuilder(result.combinedOutput());
    if (out.isEmpty()) {
      out.append("(no output)");
    }
    if (out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    if (result.timedOut()) {
      out.append("[ERROR: Command timed out after ").append(timeout.toMillis())
          .append("ms. Partial output is shown above.\n")
          .append("You can retry with a longer timeout by setting the timeout_ms parameter.]");
    } else if (result.cancelled()) {
      out.append("[Command cancelled: the session was aborted.]");
    } else {
      out.append("Exit code: ").append(result.exitCode()).append('\n')
          .append("Duration: ").append(result.durationMs()).append(" ms");
    }
    return out.toString();
  }
}
