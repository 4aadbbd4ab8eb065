package dev.darkfactory.agent.env;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One shell command to run (coding-agent-loop-spec §4.1 {@code exec_command}).
 *
 * @param command the command line, given to {@code /bin/bash -c}
 * @param timeout when to stop it (SIGTERM to its process group, SIGKILL 2 s later)
 * @param workingDirectory where to run it; the environment's working directory when empty
 * @param environment variables to set on top of the filtered inherited ones; they are never
 *     filtered, so a host can pass values to a command without splicing them into its text
 * @param outputListener told about output as it arrives (for {@code TOOL_CALL_OUTPUT_DELTA})
 */
public record CommandRequest(
    String command,
    Duration timeout,
    Optional<String> workingDirectory,
    Map<String, String> environment,
    OutputListener outputListener) {

  public CommandRequest {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(outputListener, "outputListener");
  }

  public static CommandRequest of(String command, Duration timeout) {
    return new CommandRequest(command, timeout, Optional.empty(), Map.of(), OutputListener.NONE);
  }

  public CommandRequest withWorkingDirectory(Optional<String> value) {
    return new CommandRequest(command, timeout, value, environment, outputListener);
  }

  public CommandRequest withEnvironment(Map<String, String> value) {
    return new CommandRequest(command, timeout, workingDirectory, value, outputListener);
  }

  public CommandRequest withOutputListener(OutputListener value) {
    return new CommandRequest(command, timeout, workingDirectory, environment, value);
  }

  public CommandRequest withTimeout(Duration value) {
    return new CommandRequest(command, value, workingDirectory, environment, outputListener);
  }
}
