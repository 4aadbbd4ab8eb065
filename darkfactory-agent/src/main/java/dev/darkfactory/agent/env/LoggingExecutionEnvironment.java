package dev.darkfactory.agent.env;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reports every command and file change to a log sink (coding-agent-loop-spec §4.4). The library
 * never prints: the host decides where lines go.
 */
public final class LoggingExecutionEnvironment extends ForwardingExecutionEnvironment {
  private final Consumer<String> log;

  public LoggingExecutionEnvironment(ExecutionEnvironment delegate, Consumer<String> log) {
    super(delegate);
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public ExecResult execCommand(CommandRequest request) {
    log.accept("exec: " + request.command());
    ExecResult result = super.execCommand(request);
    log.accept(
        "exit: "
            + result.exitCode()
            + " in "
            + result.durationMs()
            + "ms"
            + (result.timedOut() ? " (timed out)" : "")
            + (result.cancelled() ? " (cancelled)" : ""));
    return result;
  }

  @Override
  public void writeFile(String path, String content) {
    log.accept("write: " + path + " (" + content.length() + " chars)");
    super.writeFile(path, content);
  }

  @Override
  public void deleteFile(String path) {
    log.accept("delete: " + path);
    super.deleteFile(path);
  }
}
