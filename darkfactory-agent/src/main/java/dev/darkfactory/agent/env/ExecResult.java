package dev.darkfactory.agent.env;

import java.util.Objects;

/**
 * The outcome of a command (coding-agent-loop-spec §4.1).
 *
 * @param stdout standard output, captured separately from {@code stderr} (§4.2)
 * @param exitCode the exit status; 128+N when killed by signal N, -1 when unknown
 * @param timedOut whether the timeout fired and the process group was terminated (§5.4)
 * @param cancelled whether the waiting thread was interrupted (an abort) and the group terminated;
 *     an extension of the spec's record
 * @param durationMs wall-clock time from start to the end of output collection
 */
public record ExecResult(
    String stdout, String stderr, int exitCode, boolean timedOut, boolean cancelled, long durationMs) {

  public ExecResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** Standard output followed by standard error, as the model sees them (§4.2). */
  public String combinedOutput() {
    if (stderr.isEmpty()) {
      return stdout;
    }
    if (stdout.isEmpty() || stdout.endsWith("\n")) {
      return stdout + stderr;
    }
    return stdout + "\n" + stderr;
  }

  /** Whether the command ran to completion and exited with status 0. */
  public boolean succeeded() {
    return exitCode == 0 && !timedOut && !cancelled;
  }
}
