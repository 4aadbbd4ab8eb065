package dev.darkfactory.pipeline.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool handler (attractor-spec.md 4.10) and the process handling behind it. */
class ToolHandlerTest {
  @TempDir Path temp;
  static final ToolSettings FAST = new ToolSettings(Duration.ofSeconds(30), Duration.ofMillis(300), 64 * 1024);

  private Outcome run(String command, StageFixture fixture) throws Exception {
    return new ToolHandler(FAST).execute(fixture.stage("t"));
  }

  private StageFixture fixture(String attrs) {
    return new StageFixture("digraph T { t [shape=parallelogram" + attrs + "] }", temp.resolve("run"));
  }

  private static String quoted(String command) {
    return ", tool_command=\"" + command.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void capturesStdoutStderrAndTheExitCode() throws Exception {
    StageFixture fixture = fixture(quoted("echo out; echo err >&2"));
    Outcome outcome = run("", fixture);
    assertThat(outcome.status()).isEqualTo(StageStatus.SUCCESS);
    assertThat(outcome.contextUpdates()).containsEntry(ContextKeys.TOOL_OUTPUT, "out\n").containsEntry(ContextKeys.TOOL_STDERR, "err\n")
        .containsEntry(ContextKeys.TOOL_EXIT_CODE, 0L);
    Path dir = fixture.run.root().resolve("t");
    assertThat(dir.resolve("stdout.txt")).content().isEqualTo("out\n");
    assertThat(dir.resolve("stderr.txt")).content().isEqualTo("err\n");
    assertThat(dir.resolve("command.txt")).content().contains("echo out");
  }

  @Test
  void aNonZeroExitFailsWithTheCodeAndTheLastErrorLine() throws Exception {
    Outcome outcome = run("", fixture(quoted("echo compiling; echo 'error: Foo.java:3' >&2; exit 7")));
    assertThat(outcome.status()).isEqualTo(StageStatus.FAIL);
    assertThat(outcome.failureReason()).isEqualTo("tool_command exited with code 7: error: Foo.java:3");
    assertThat(outcome.contextUpdates()).containsEntry(ContextKeys.TOOL_EXIT_CODE, 7L);
  }

  @Test
  void noCommandIsAFailure() throws Exception {
    assertThat(run("", fixture("")).failureReason()).isEqualTo("No tool_command specified");
  }

  @Test
  void contextValuesArriveOnlyAsEnvironmentVariables() throws Exception {
    StageFixture fixture = fixture(quoted("printf '%s|%s|%s|%s' \"$FACTORY_CONTEXT_GRAPH_GOAL\" \"$FACTORY_CONTEXT_EVIL\" \"$FACTORY_NODE_ID\" \"$FACTORY_RUN_ID\""));
    fixture.context.set("graph.goal", "ship it");
    // A value written to break out of quotes and run a command: it must arrive as inert text.
    fixture.context.set("evil", "\"; touch " + temp.resolve("pwned") + "; echo \"");
    Outcome outcome = run("", fixture);
    assertThat(outcome.contextUpdates().get(ContextKeys.TOOL_OUTPUT))
        .isEqualTo("ship it|\"; touch " + temp.resolve("pwned") + "; echo \"|t|run-1");
    assertThat(temp.resolve("pwned")).doesNotExist();
  }

  @Test
  void environmentNamesAreUpperCasedWithUnderscores() {
    assertThat(ToolEnvironment.variableName("graph.goal")).isEqualTo("FACTORY_CONTEXT_GRAPH_GOAL");
    assertThat(ToolEnvironment.variableName("internal.retry_count.my-node")).isEqualTo("FACTORY_CONTEXT_INTERNAL_RETRY_COUNT_MY_NODE");
    assertThat(ToolEnvironment.of(java.util.Map.of("l", List.of(1L, "a")), "r", "n", temp, temp)).containsEntry("FACTORY_CONTEXT_L", "[1,\"a\"]")
        .containsEntry("FACTORY_LOGS_ROOT", temp.toString()).containsEntry("FACTORY_STAGE_DIR", temp.toString());
  }

  @Test
  void aTimeoutKillsTheWholeProcessTree() throws Exception {
    Path late = temp.resolve("late");
    // A background grandchild that outlives its parent shell would survive a plain kill of bash.
    StageFixture fixture = fixture(quoted("(sleep 30.7121; touch " + late + ") & sleep 30.7122") + ", timeout=\"300ms\"");
    Outcome outcome = run("", fixture);
    assertThat(outcome.status()).isEqualTo(StageStatus.FAIL);
    assertThat(outcome.failureReason()).isEqualTo("tool_command timed out after 300ms; its process group was killed");
    assertThat(new ProcessBuilder("pgrep", "-f", "sleep 30.712").start().waitFor()).isEqualTo(1);
    assertThat(late).doesNotExist();
  }

  @Test
  void cancellationKillsTheCommand() throws Exception {
    StageFixture fixture = fixture(quoted("sleep 30.8331"));
    Thread.ofVirtual().start(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
      fixture.cancellation.cancel(StopReason.cancelled("stop"));
    });
    Outcome outcome = run("", fixture);
    assertThat(outcome.failureReason()).isEqualTo("tool_command cancelled");
    assertThat(new ProcessBuilder("pgrep", "-f", "sleep 30.8331").start().waitFor()).isEqualTo(1);
  }

  @Test
  void largeOutputIsCutInTheContextButKeptInTheStageDirectory() throws Exception {
    StageFixture fixture = new StageFixture("digraph T { t [shape=parallelogram" + quoted("head -c 200000 /dev/zero | tr '\\\\0' x") + "] }", temp.resolve("run"));
    Outcome outcome = new ToolHandler(new ToolSettings(Duration.ofSeconds(30), Duration.ofMillis(300), 1000)).execute(fixture.stage("t"));
    assertThat((String) outcome.contextUpdates().get(ContextKeys.TOOL_OUTPUT)).hasSizeLessThan(1100).endsWith("in the stage directory]");
    assertThat(Files.size(fixture.run.root().resolve("t/stdout.txt"))).isEqualTo(200000);
  }

  @Test
  void anOrphanLeftByADeadEngineIsKilledBeforeTheNodeRunsAgain() throws Exception {
    Path stdout = temp.resolve("o.txt");
    Path pidFile = temp.resolve("tool.pid");
    // Start a command the way the handler does, then forget it, as a killed JVM would.
    Thread runner = Thread.ofVirtual().start(() -> {
      try {
        ShellCommand.run(new ShellCommand.Spec("sleep 30.9441", temp, java.util.Map.of(), Duration.ofSeconds(60), Duration.ofMillis(100),
            stdout, temp.resolve("e.txt"), java.util.Optional.of(pidFile)), dev.darkfactory.pipeline.state.Cancellation.create());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    for (int i = 0; i < 100 && !Files.exists(pidFile); i++) {
      Thread.sleep(20);
    }
    Path copy = temp.resolve("tool.pid.copy");
    Files.copy(pidFile, copy);
    assertThat(ShellCommand.reapOrphan(copy, Duration.ofMillis(200))).isTrue();
    runner.join(10_000);
    assertThat(new ProcessBuilder("pgrep", "-f", "sleep 30.9441").start().waitFor()).isEqualTo(1);
    assertThat(ShellCommand.reapOrphan(copy, Duration.ofMillis(200))).as("nothing left to reap").isFalse();
  }
}
