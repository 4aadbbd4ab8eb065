package dev.darkfactory.pipeline.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.pipeline.state.StopReason;
import dev.darkfactory.testkit.process.PidFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool handler (attractor-spec.md 4.10) and the process handling behind it. */
class ToolHandlerTest {
  @TempDir Path temp;
  /** The processes a test's command started, by PID; whatever a failing test left running is killed after it. */
  private PidFile pids;

  @AfterEach
  void killWhatATestLeftRunning() {
    if (pids != null) {
      pids.destroyAll();
    }
  }
  static final ToolSettings FAST = new ToolSettings(Duration.ofSeconds(30), Duration.ofMillis(300), 64 * 1024);

  private static Outcome run(StageFixture fixture) throws Exception {
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
    Outcome outcome = run(fixture);
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
    Outcome outcome = run(fixture(quoted("echo compiling; echo 'error: Foo.java:3' >&2; exit 7")));
    assertThat(outcome.status()).isEqualTo(StageStatus.FAIL);
    assertThat(outcome.failureReason()).isEqualTo("tool_command exited with code 7: error: Foo.java:3");
    assertThat(outcome.contextUpdates()).containsEntry(ContextKeys.TOOL_EXIT_CODE, 7L);
  }

  @Test
  void noCommandIsAFailure() throws Exception {
    assertThat(run(fixture("")).failureReason()).isEqualTo("No tool_command specified");
  }

  @Test
  void contextValuesArriveOnlyAsEnvironmentVariables() throws Exception {
    StageFixture fixture = fixture(quoted("printf '%s|%s|%s|%s' \"$FACTORY_CONTEXT_GRAPH_GOAL\" \"$FACTORY_CONTEXT_EVIL\" \"$FACTORY_NODE_ID\" \"$FACTORY_RUN_ID\""));
    fixture.context.set("graph.goal", "ship it");
    // A value written to break out of quotes and run a command: it must arrive as inert text.
    fixture.context.set("evil", "\"; touch " + temp.resolve("pwned") + "; echo \"");
    Outcome outcome = run(fixture);
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
    pids = PidFile.at(temp.resolve("tree.pids"));
    // A background subshell with a child of its own, which would survive a plain kill of bash; every process
    // records its PID. The timeout leaves ample time for that on a loaded machine, and none for the sleeps.
    String command = pids.append("$$") + "; (" + pids.append("$BASHPID") + "; sleep 300 & " + pids.append("$!") + "; wait; touch " + late
        + ") & sleep 300 & " + pids.append("$!") + "; wait";
    StageFixture fixture = fixture(quoted(command) + ", timeout=\"3s\"");
    Outcome outcome = run(fixture);
    assertThat(outcome.status()).isEqualTo(StageStatus.FAIL);
    assertThat(outcome.failureReason()).isEqualTo("tool_command timed out after 3s; its process group was killed");
    assertThat(pids.pids()).as("the shell, the subshell and both sleeps").hasSize(4);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids.running()).isEmpty());
    assertThat(late).doesNotExist();
  }

  @Test
  void cancellationKillsTheCommand() throws Exception {
    pids = PidFile.at(temp.resolve("command.pids"));
    StageFixture fixture = fixture(quoted(pids.append("$$") + "; sleep 300 & " + pids.append("$!") + "; wait"));
    Thread.ofVirtual().start(() -> {
      // Cancel once the command is running (both PIDs recorded), not after a guessed delay.
      await().atMost(Duration.ofSeconds(60)).until(() -> pids.pids().size() == 2);
      fixture.cancellation.cancel(StopReason.cancelled("stop"));
    });
    Outcome outcome = run(fixture);
    assertThat(outcome.failureReason()).isEqualTo("tool_command cancelled");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids.running()).isEmpty());
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
    pids = PidFile.at(temp.resolve("orphan.pids"));
    String command = pids.append("$$") + "; sleep 300 & " + pids.append("$!") + "; wait";
    // Start a command the way the handler does, then forget it, as a killed JVM would.
    Thread runner = Thread.ofVirtual().start(() -> {
      try {
        ShellCommand.run(new ShellCommand.Spec(command, temp, java.util.Map.of(), Duration.ofSeconds(600), Duration.ofMillis(100),
            stdout, temp.resolve("e.txt"), java.util.Optional.of(pidFile)), dev.darkfactory.pipeline.state.Cancellation.create());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(pidFile) && pids.pids().size() == 2);
    Path copy = temp.resolve("tool.pid.copy");
    Files.copy(pidFile, copy);
    assertThat(ShellCommand.reapOrphan(copy, Duration.ofMillis(200))).isTrue();
    runner.join(Duration.ofSeconds(60));
    assertThat(runner.isAlive()).as("the forgotten run returned once its command was killed").isFalse();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids.running()).isEmpty());
    assertThat(ShellCommand.reapOrphan(copy, Duration.ofMillis(200))).as("nothing left to reap").isFalse();
  }
}
