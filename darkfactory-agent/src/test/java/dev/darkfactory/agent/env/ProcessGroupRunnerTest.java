package dev.darkfactory.agent.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.agent.env.policy.EnvironmentPolicyTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessGroupRunnerTest {
  private static final Duration SHORT_GRACE = Duration.ofMillis(300);

  @TempDir Path dir;

  private final ProcessGroupRunner runner = ProcessGroupRunner.builder().killGrace(SHORT_GRACE).build();

  @Test
  void capturesStdoutAndStderrSeparatelyWithExitCodeAndDuration() {
    ExecResult result = runner.runShell("echo out; echo err >&2; exit 3", dir, Duration.ofSeconds(10));

    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.timedOut()).isFalse();
    assertThat(result.cancelled()).isFalse();
    assertThat(result.succeeded()).isFalse();
    assertThat(result.durationMs()).isGreaterThanOrEqualTo(0);
    assertThat(result.combinedOutput()).isEqualTo("out\nerr\n");
  }

  @Test
  void runsInTheGivenDirectoryWithEmptyStandardInput() {
    ExecResult result = runner.runShell("pwd; cat; echo done", dir, Duration.ofSeconds(10));

    assertThat(result.stdout()).isEqualTo(dir + "\ndone\n");
  }

  @Test
  void commandLeadsItsOwnProcessGroup() {
    // Field 5 of /proc/PID/stat is the process group; no ps needed.
    ExecResult result = runner.runShell("read -ra f < /proc/$$/stat; echo ${f[4]}; echo $$", dir, Duration.ofSeconds(10));

    List<String> lines = result.stdout().lines().map(String::strip).toList();
    assertThat(lines.get(0)).isEqualTo(lines.get(1));
  }

  @Test
  void timeoutReturnsPartialOutputAndTerminatesTheGroup() {
    // The timeout gives a loaded machine ample time to print "before"; the sleep is far beyond every bound.
    ExecResult result = runner.runShell("echo before; sleep 300; echo after", dir, Duration.ofSeconds(2));

    assertThat(result.timedOut()).isTrue();
    assertThat(result.stdout()).isEqualTo("before\n");
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.durationMs()).isLessThan(60_000);
  }

  @Test
  void commandIgnoringSigtermIsKilledAfterTheTwoSecondGrace() {
    ProcessGroupRunner defaultGrace = ProcessGroupRunner.create();
    long started = System.nanoTime();

    // The timeout leaves ample time to install the trap; then SIGTERM is ignored and only SIGKILL, after the
    // grace, ends the command: no sooner than timeout + grace, and long before the sleep would.
    ExecResult result =
        defaultGrace.runShell("trap '' TERM; echo started; sleep 300", dir, Duration.ofSeconds(2));

    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(result.timedOut()).isTrue();
    assertThat(result.stdout()).isEqualTo("started\n");
    assertThat(result.exitCode()).isEqualTo(128 + 9);
    assertThat(elapsedMs).isBetween(4_000L, 60_000L);
  }

  @Test
  void grandchildrenAreNotLeftBehindAfterATimeout() throws Exception {
    String command =
        "(sleep 300 & echo $! > grandchild.pid; wait) & echo $! > child.pid; sleep 300 & echo $! > sibling.pid; wait";

    ExecResult result = runner.runShell(command, dir, Duration.ofSeconds(3));

    assertThat(result.timedOut()).isTrue();
    for (String file : List.of("grandchild.pid", "child.pid", "sibling.pid")) {
      long pid = Long.parseLong(Files.readString(dir.resolve(file)).strip());
      await().atMost(Duration.ofSeconds(30)).until(() -> !ProcessGroups.isRunning(pid));
    }
  }

  @Test
  void backgroundProcessesLeftByAFinishedCommandAreEnded() throws Exception {
    ExecResult result = runner.runShell("sleep 300 & echo $! > bg.pid; echo done", dir, Duration.ofSeconds(10));

    assertThat(result.stdout()).isEqualTo("done\n");
    assertThat(result.timedOut()).isFalse();
    assertThat(result.durationMs()).as("returned without waiting for the background sleep").isLessThan(60_000);
    long pid = Long.parseLong(Files.readString(dir.resolve("bg.pid")).strip());
    await().atMost(Duration.ofSeconds(30)).until(() -> !ProcessGroups.isRunning(pid));
  }

  @Test
  void interruptingTheCallerCancelsTheCommandAndKeepsTheInterrupt() throws Exception {
    AtomicReference<ExecResult> result = new AtomicReference<>();
    AtomicReference<Boolean> interruptKept = new AtomicReference<>();
    List<String> seen = new CopyOnWriteArrayList<>();
    ProcessSpec spec = ProcessSpec.shell("echo running; sleep 300", dir, Duration.ofSeconds(600))
        .withOutputListener((stream, chunk) -> seen.add(chunk));
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  result.set(runner.run(spec));
                  interruptKept.set(Thread.currentThread().isInterrupted());
                });
    // Interrupt once the shell's output has been read, so the result must hold it.
    await().atMost(Duration.ofSeconds(30)).until(() -> String.join("", seen).equals("running\n"));

    caller.interrupt();
    caller.join(Duration.ofSeconds(30));

    assertThat(result.get().cancelled()).isTrue();
    assertThat(result.get().timedOut()).isFalse();
    assertThat(result.get().stdout()).isEqualTo("running\n");
    assertThat(interruptKept.get()).isTrue();
    assertThat(runner.runningCount()).isZero();
  }

  @Test
  void terminateAllEndsEveryRunningCommand() throws Exception {
    List<ExecResult> results = new CopyOnWriteArrayList<>();
    List<Thread> callers =
        List.of(1, 2).stream()
            .map(i -> Thread.ofVirtual().start(() -> results.add(runner.runShell("sleep 300", dir, Duration.ofSeconds(600)))))
            .toList();
    await().atMost(Duration.ofSeconds(30)).until(() -> runner.runningCount() == 2);

    runner.terminateAll();
    for (Thread caller : callers) {
      caller.join(Duration.ofSeconds(30));
    }

    assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.exitCode()).isNotZero());
    assertThat(runner.runningCount()).isZero();
  }

  @Test
  void secretsInTheParentEnvironmentAreAbsentInsideTheCommand() {
    // Surefire sets the secrets of issue 11 (AWS_ACCESS_KEY_ID, GH_PAT, a DATABASE_URL with a password...) and one
    // DARKFACTORY_TEST_* variable per secret suffix, some in lower case, for this JVM (see the pom).
    assertThat(System.getenv("GH_PAT")).as("set by surefire").isNotNull();
    assertThat(System.getenv("DATABASE_URL")).as("set by surefire").contains(":must-not-leak@");

    ExecResult result = runner.runShell("env", dir, Duration.ofSeconds(10));

    assertThat(result.stdout())
        .doesNotContainIgnoringCase("DARKFACTORY_TEST_")
        .doesNotContain("must-not-leak")
        .doesNotContainPattern("(?m)^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|GITHUB_TOKEN|GH_PAT|DB_PASSWORD|DATABASE_URL)=")
        .containsPattern("(?m)^PATH=")
        .containsPattern("(?m)^HOME=");
  }

  @Test
  void aVariableNamedByTheConfigurationIsPassed() {
    ProcessGroupRunner passing = ProcessGroupRunner.builder()
        .policy(EnvironmentPolicy.defaults().passing(List.of("DARKFACTORY_TEST_PASSED", "DATABASE_URL")))
        .build();

    ExecResult result = passing.runShell("env", dir, Duration.ofSeconds(10));

    assertThat(result.stdout()).contains("DARKFACTORY_TEST_PASSED=visible\n", "DATABASE_URL=postgres://")
        .doesNotContainPattern("(?m)^GH_PAT=");
  }

  @Test
  void noSecretSuffixInAnyCaseReachesTheCommandUnderInheritAll() {
    Map<String, String> parent = new java.util.LinkedHashMap<>(EnvironmentPolicyTest.secretsForEverySuffix());
    parent.put("App_Api_Key", "mixed");
    parent.put("PATH", System.getenv("PATH"));
    parent.put("EDITOR", "vi");
    ProcessGroupRunner filtering =
        ProcessGroupRunner.builder().parentEnvironment(parent).policy(EnvironmentPolicy.inheritAll()).build();

    ExecResult result = filtering.runShell("env", dir, Duration.ofSeconds(10));

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).contains("EDITOR=vi\n").contains("PATH=");
    for (String name : parent.keySet()) {
      if (EnvironmentPolicy.isSecret(name)) {
        assertThat(result.stdout()).as(name).doesNotContainPattern("(?m)^" + name + "=");
      }
    }
    assertThat(result.stdout()).doesNotContain("upper").doesNotContain("lower").doesNotContain("mixed");
  }

  @Test
  void explicitVariablesAreAlwaysPassed() {
    ProcessSpec spec =
        ProcessSpec.shell("echo \"$STAGE_TOKEN|$PLAIN\"", dir, Duration.ofSeconds(10))
            .withEnvironment(Map.of("STAGE_TOKEN", "chosen by host", "PLAIN", "x"));

    assertThat(runner.run(spec).stdout()).isEqualTo("chosen by host|x\n");
  }

  @Test
  void policyDecidesWhatIsInherited() {
    Map<String, String> parent =
        Map.of("PATH", System.getenv("PATH"), "HOME", "/home/u", "EDITOR", "vi", "OPENAI_API_KEY", "sk");
    ProcessGroupRunner coreOnly = ProcessGroupRunner.builder().parentEnvironment(parent).build();
    ProcessGroupRunner none =
        ProcessGroupRunner.builder().parentEnvironment(parent).policy(EnvironmentPolicy.none()).build();
    String show = "echo \"${HOME:-}|${EDITOR:-}|${OPENAI_API_KEY:-}\"";

    assertThat(coreOnly.runShell(show, dir, Duration.ofSeconds(10)).stdout()).isEqualTo("/home/u||\n");
    assertThat(none.runShell(show, dir, Duration.ofSeconds(10)).stdout()).isEqualTo("||\n");
  }

  @Test
  void outputListenerSeesOutputAsItArrives() {
    List<String> chunks = new CopyOnWriteArrayList<>();
    ProcessSpec spec =
        ProcessSpec.shell("echo one; echo two >&2", dir, Duration.ofSeconds(10))
            .withOutputListener((stream, chunk) -> chunks.add(stream + ":" + chunk));

    runner.run(spec);

    assertThat(chunks).contains("STDOUT:one\n", "STDERR:two\n");
  }

  @Test
  void hugeOutputKeepsHeadAndTailWithinTheBound() {
    ProcessGroupRunner small = ProcessGroupRunner.builder().maxCapturedChars(1_000).build();

    ExecResult result = small.runShell("echo first; seq 1 100000; echo last", dir, Duration.ofSeconds(20));

    assertThat(result.stdout()).startsWith("first\n").endsWith("last\n").contains("characters of output were not kept");
    assertThat(result.stdout().length()).isLessThan(1_200);
  }

  @Test
  void aMissingDirectoryIsAnEnvironmentError() {
    assertThatThrownBy(() -> runner.runShell("true", dir.resolve("missing"), Duration.ofSeconds(1)))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("Could not start");
  }
}
