package dev.darkfactory.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.testkit.FakeProviderServer;
import dev.darkfactory.testkit.Fault;
import dev.darkfactory.testkit.Reply;
import dev.darkfactory.testkit.process.PidFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in {@code factory agent} (docs/agent.md): the command runs in a child JVM against the LLM
 * twin on loopback and is sent SIGINT while busy. Its shutdown hook aborts the session (the model
 * call is cancelled, running commands are terminated), says so, and the JVM exits 130.
 *
 * <p>A process started from a non-interactive shell may inherit an ignored SIGINT, which the JVM
 * then leaves ignored; the child is started through {@code env --default-signal=INT} so that it
 * sees SIGINT as a terminal's Ctrl-C would deliver it.
 */
class AgentInterruptTest {
  private static final String ABORTED = "aborted: the agent was stopped; running commands were terminated.";
  private static final int SIGINT_EXIT = 130;
  /** Well under the hook's 10 s wait for the session to close, so a hook that only waited would fail. */
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  @TempDir Path temp;
  private FakeProviderServer twin;
  private Path workdir;
  private Path log;
  private Process child;
  /** The shell command's sleep, by the PID it writes (a killed process a container's init never reaps counts as gone). */
  private PidFile sleeper;

  @BeforeEach
  void start() throws Exception {
    Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
    probe.getInputStream().readAllBytes();
    Assumptions.assumeTrue(probe.waitFor() == 0, "env --default-signal (GNU coreutils 8.31+) is needed");
    twin = FakeProviderServer.start();
    workdir = Files.createDirectory(temp.resolve("work"));
    log = temp.resolve("child.log");
  }

  @AfterEach
  void stop() {
    if (child != null && child.isAlive()) {
      child.destroyForcibly();
    }
    if (sleeper != null) {
      sleeper.destroyAll();
    }
    twin.close();
  }

  @Test
  void ctrlCDuringAShellCommandTerminatesItAndExits130() throws Exception {
    twin.enqueue(Reply.text("Sleeping.").withToolCall("shell",
        "{\"command\":\"sleep 31.4159 & echo $! > sleeper.pid; wait\",\"timeout_ms\":120000}"));
    twin.enqueue(Reply.text("a second turn must never be asked for"));
    child = startAgent("Sleep for a while");
    sleeper = PidFile.at(workdir.resolve("sleeper.pid"));
    await().atMost(Duration.ofSeconds(120)).until(() -> !child.isAlive() || !sleeper.pids().isEmpty());
    assertThat(sleeper.pids()).as("the shell command started; log:\n" + output()).hasSize(1);
    assertThat(sleeper.running()).hasSize(1);

    long started = System.nanoTime();
    interrupt(child);

    assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the agent stopped; log:\n" + output()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
    assertThat(child.exitValue()).as(output()).isEqualTo(SIGINT_EXIT);
    assertThat(output()).containsSubsequence("→ shell", "Command cancelled: the session was aborted.", ABORTED);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sleeper.running()).as("the tool's command was terminated").isEmpty());
    assertThat(twin.requestCount()).as("no model call after the abort").isEqualTo(1);
  }

  @Test
  void ctrlCWhileTheModelIsAnsweringCancelsTheCallAndExits130() throws Exception {
    twin.enqueue(Reply.text("too late").withFault(Fault.delay(Duration.ofSeconds(120))));
    child = startAgent("Think hard");
    await().atMost(Duration.ofSeconds(120)).until(() -> !child.isAlive() || twin.requestCount() == 1);
    assertThat(twin.requestCount()).as("the model call is in flight; log:\n" + output()).isEqualTo(1);

    long started = System.nanoTime();
    interrupt(child);

    assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the agent stopped; log:\n" + output()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("the call was cancelled, not waited out").isLessThan(PROMPTLY);
    assertThat(child.exitValue()).as(output()).isEqualTo(SIGINT_EXIT);
    assertThat(output()).contains(ABORTED).doesNotContain("too late");
    assertThat(twin.requestCount()).isEqualTo(1);
  }

  private Process startAgent(String task) throws IOException {
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.darkfactory.cli.Main",
        "agent", "--provider", "anthropic", "--workdir", workdir.toString(), task));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.endsWith("_API_KEY") || name.endsWith("_BASE_URL"));
    environment.putAll(twin.environment());
    return builder.start();
  }

  /** What Ctrl-C sends; the child is the JVM itself ({@code env} execs it). */
  private static void interrupt(Process process) throws Exception {
    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor()).isZero();
  }

  private String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
