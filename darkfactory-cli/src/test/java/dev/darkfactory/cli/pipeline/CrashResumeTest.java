package dev.darkfactory.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.cli.CliRun;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.testkit.process.PidFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kill the engine with SIGKILL in the middle of a run whose tool nodes append to a ledger, resume
 * it, and check that it ends exactly as an uninterrupted run and that no tool node ran twice (peer
 * lessons: resume must never replay a completed side effect).
 */
class CrashResumeTest {
  @TempDir Path temp;
  private Process child;
  private PidFile pids;

  @AfterEach
  void killWhatATestLeftRunning() {
    if (child != null) {
      child.destroyForcibly();
    }
    if (pids != null) {
      pids.destroyAll();
    }
  }

  // t3 records its PIDs (the shell's, then its sleep's) and signals that it started, then sleeps before its
  // append, unless the test has said it is resuming.
  static final String PIPELINE = """
      digraph Ledger {
        start [shape=Mdiamond]
        t1 [shape=parallelogram, tool_command="echo t1 >> \\"$FACTORY_CONTEXT_LEDGER\\""]
        t2 [shape=parallelogram, tool_command="echo t2 >> \\"$FACTORY_CONTEXT_LEDGER\\""]
        t3 [shape=parallelogram, tool_command="if [ ! -f \\"$FACTORY_CONTEXT_RESUMING\\" ]; then echo $$ >> \\"$FACTORY_CONTEXT_PIDS\\"; sleep 300 & echo $! >> \\"$FACTORY_CONTEXT_PIDS\\"; touch \\"$FACTORY_CONTEXT_MARK\\"; wait; fi; echo t3 >> \\"$FACTORY_CONTEXT_LEDGER\\""]
        review [prompt="Review the ledger"]
        t4 [shape=parallelogram, tool_command="echo t4 >> \\"$FACTORY_CONTEXT_LEDGER\\""]
        done [shape=Msquare]
        start -> t1 -> t2 -> t3 -> review -> t4 -> done
      }
      """;

  @Test
  void aKilledRunResumesToTheSameResultWithoutRepeatingAnyToolNode() throws Exception {
    Path dot = temp.resolve("ledger.dot");
    Files.writeString(dot, PIPELINE);

    // The reference: the same pipeline, never interrupted.
    Path straightLedger = temp.resolve("straight.ledger");
    Files.createFile(temp.resolve("straight.resuming"));
    CliRun straight = CliRun.of("run", dot.toString(), "--logs-root", temp.resolve("straight").toString(), "--json",
        "--set", "ledger=" + straightLedger, "--set", "resuming=" + temp.resolve("straight.resuming"), "--set", "mark=" + temp.resolve("unused"),
        "--set", "pids=" + temp.resolve("unused.pids"));
    assertThat(straight.exitCode()).as(straight.toString()).isZero();

    // The victim: killed with SIGKILL while t3 runs, after t1 and t2 are checkpointed.
    Path ledger = temp.resolve("crash.ledger");
    Path mark = temp.resolve("t3.started");
    Path resuming = temp.resolve("crash.resuming");
    Path logs = temp.resolve("crash");
    pids = PidFile.at(temp.resolve("t3.pids"));
    child = new ProcessBuilder(javaCommand("run", dot.toString(), "--logs-root", logs.toString(), "--json",
        "--set", "ledger=" + ledger, "--set", "resuming=" + resuming, "--set", "mark=" + mark, "--set", "pids=" + pids.path()))
        .redirectErrorStream(true).redirectOutput(temp.resolve("child.log").toFile()).start();
    await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(mark) || !child.isAlive());
    assertThat(mark).as("t3 started in the child JVM; log:\n" + Files.readString(temp.resolve("child.log"))).exists();
    assertThat(pids.running()).as("t3's shell and sleep").hasSize(2);
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no final checkpoint
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);
    assertThat(Files.readAllLines(ledger)).containsExactly("t1", "t2");
    assertThat(pids.running()).as("t3's command outlived the JVM").hasSize(2);

    Files.createFile(resuming);
    CliRun resumed = CliRun.of("resume", logs.toString(), "--json");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();

    assertThat(Files.readAllLines(ledger)).as("every tool node ran exactly once").containsExactly("t1", "t2", "t3", "t4");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids.running()).as("the orphaned command was killed on resume").isEmpty());
    JsonNode expected = comparable(JsonValues.parse(straight.out()));
    JsonNode actual = comparable(JsonValues.parse(resumed.out()));
    assertThat(actual).isEqualTo(expected);
    assertThat(JsonValues.parse(resumed.out()).get("status").asString()).isEqualTo("success");
  }

  /** The summary without what differs between any two runs: run ID, directory, and the per-run file paths in the context. */
  private static JsonNode comparable(JsonNode summary) {
    ObjectNode copy = (ObjectNode) summary.deepCopy();
    copy.remove(List.of("run_id", "logs_root"));
    ObjectNode context = (ObjectNode) copy.get("context");
    context.remove(List.of("ledger", "resuming", "mark", "pids"));
    return copy;
  }

  private static List<String> javaCommand(String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.darkfactory.cli.Main");
    command.addAll(List.of(args));
    return command;
  }
}
