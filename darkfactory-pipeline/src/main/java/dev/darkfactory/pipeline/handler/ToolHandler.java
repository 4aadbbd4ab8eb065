package dev.darkfactory.pipeline.handler;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the node's {@code tool_command} (attractor-spec.md 4.10) through {@link ShellCommand}, in the
 * run's working directory, with the context as environment variables ({@link ToolEnvironment}) on
 * top of what the settings' {@link EnvironmentPolicy} and the graph's and node's {@code pass_env}
 * let it inherit: by default only the allow-list, never a secret nobody named.
 *
 * <p>Writes {@code command.txt}, {@code stdout.txt} and {@code stderr.txt} to the stage directory and
 * puts {@code tool.output} (stdout), {@code tool.stderr} and {@code tool.exit_code} in the context,
 * the first two cut to {@link ToolSettings#maxContextOutput()} characters. Exit code 0 is SUCCESS; any
 * other code, a timeout (node {@code timeout}, else the default) or a start failure is FAIL with the
 * reason.
 */
public final class ToolHandler implements Handler {
  private final ToolSettings settings;

  public ToolHandler(ToolSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public Outcome execute(Stage stage) throws IOException {
    Node node = stage.node();
    String command = node.toolCommand();
    if (command.isBlank()) {
      return Outcome.fail("No tool_command specified");
    }
    Path dir = stage.stageDir();
    Path pidFile = dir.resolve("tool.pid");
    if (ShellCommand.reapOrphan(pidFile, settings.killGrace())) {
      stage.events().note(node.id(), "killed the command a previous, interrupted run left running");
    }
    Files.writeString(dir.resolve("command.txt"), command + "\n", StandardCharsets.UTF_8);
    Duration timeout = node.timeout().orElse(settings.defaultTimeout());
    stage.events().note(node.id(), "$ " + firstLine(command));
    ShellCommand.Result result = ShellCommand.run(new ShellCommand.Spec(command, stage.workdir(),
        ToolEnvironment.of(stage.context().snapshot(), stage.runId(), node.id(), stage.logsRoot(), dir), policy(stage),
        timeout, settings.killGrace(), dir.resolve("stdout.txt"), dir.resolve("stderr.txt"), Optional.of(pidFile)), stage.cancellation());
    String stdout = read(dir.resolve("stdout.txt"));
    String stderr = read(dir.resolve("stderr.txt"));
    Outcome outcome;
    if (result.cancelled()) {
      outcome = Outcome.fail("tool_command cancelled");
    } else if (result.timedOut()) {
      outcome = Outcome.fail("tool_command timed out after " + describe(timeout) + "; its process group was killed");
    } else if (result.exitCode() != 0) {
      outcome = Outcome.fail("tool_command exited with code " + result.exitCode() + lastLine(stderr));
    } else {
      outcome = Outcome.success("Tool completed: " + firstLine(command));
    }
    return outcome
        .withContextUpdate(ContextKeys.TOOL_OUTPUT, cut(stdout))
        .withContextUpdate(ContextKeys.TOOL_STDERR, cut(stderr))
        .withContextUpdate(ContextKeys.TOOL_EXIT_CODE, result.exitCode());
  }

  /** The settings' policy plus the variables the graph and the node name in {@code pass_env}. */
  private EnvironmentPolicy policy(Stage stage) {
    List<String> names = new ArrayList<>(stage.graph().passEnv());
    names.addAll(stage.node().passEnv());
    return settings.environmentPolicy().passing(names);
  }

  private String cut(String text) {
    return text.length() <= settings.maxContextOutput() ? text
        : text.substring(0, settings.maxContextOutput()) + "\n[truncated: the whole output is in the stage directory]";
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }

  private static String lastLine(String stderr) {
    String last = stderr.strip().lines().reduce((a, b) -> b).orElse("");
    return last.isEmpty() ? "" : ": " + (last.length() > 200 ? last.substring(0, 197) + "..." : last);
  }

  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
