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
 * Stop a run with a signal, as Ctrl-C does: the JVM's shutdown hook cancels the run, the running
 * tool's process group is killed, the checkpoint is written, the summary says how to resume; the
 * resumed run finishes without repeating a tool node. SIGTERM is sent rather than SIGINT because a
 * process started by a non-interactive shell may inherit an ignored SIGINT, while both signals take
 * the same shutdown-hook path in the JVM.
 */
class InterruptResumeTest {
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

  @Test
  void aSignalStopsTheRunWithACheckpointAndTheRunResumes() throws Exception {
    Path dot = temp.resolve("ledger.dot");
    Files.writeString(dot, CrashResumeTest.PIPELINE);
    Path ledger = temp.resolve("ledger");
    Path mark = temp.resolve("t3.started");
    Path resuming = temp.resolve("resuming");
    Path logs = temp.resolve("run");
    Path log = temp.resolve("child.log");
    pids = PidFile.at(temp.resolve("t3.pids"));
    child = new ProcessBuilder(javaCommand("run", dot.toString(), "--logs-root", logs.toString(),
        "--set", "ledger=" + ledger, "--set", "resuming=" + resuming, "--set", "mark=" + mark, "--set", "pids=" + pids.path()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(mark) || !child.isAlive());
    assertThat(mark).as("t3 started in the child JVM; log:\n" + Files.readString(log)).exists();
    assertThat(pids.running()).as("t3's shell and sleep").hasSize(2);

    assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor()).isZero();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the run stopped within 60 s").isTrue();
    String output = Files.readString(log);
    assertThat(output).contains("resume with: factory resume " + logs);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pids.running())
        .as("the tool's process group was killed with the run").isEmpty());
    assertThat(Files.readAllLines(ledger)).containsExactly("t1", "t2");
    JsonNode checkpoint = JsonValues.parse(Files.readString(logs.resolve("checkpoint.json")));
    assertThat(checkpoint.get("status").asString()).isEqualTo("stopped");
    assertThat(checkpoint.get("stop_reason").get("code").asString()).isEqualTo("interrupted");
    assertThat(checkpoint.get("completed_nodes").toString()).isEqualTo("[\"start\",\"t1\",\"t2\"]");
    assertThat(checkpoint.get("next").get("node").asString()).isEqualTo("t3");

    Files.createFile(resuming);
    CliRun resumed = CliRun.of("resume", logs.toString(), "--json");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(Files.readAllLines(ledger)).as("every tool node ran exactly once").containsExactly("t1", "t2", "t3", "t4");
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
