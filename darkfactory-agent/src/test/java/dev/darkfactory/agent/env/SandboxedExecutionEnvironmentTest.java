package dev.darkfactory.agent.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxedExecutionEnvironmentTest {
  @TempDir Path dir;
  @TempDir Path outside;

  @BeforeEach
  void needsBubblewrap() {
    assumeTrue(Bubblewrap.isAvailable(), "bubblewrap (bwrap) is not installed or cannot create namespaces here");
  }

  private ExecResult run(SandboxPolicy policy, String command) {
    SandboxedExecutionEnvironment env =
        SandboxedExecutionEnvironment.create(LocalExecutionEnvironment.create(dir), policy);
    return env.execCommand(command, Duration.ofSeconds(20), Optional.empty(), Map.of());
  }

  @Test
  void workingDirectoryIsWritableAndTheRestReadOnly() {
    ExecResult result =
        run(SandboxPolicy.defaults(),
            "echo made > inside.txt && echo ok; echo x > " + outside.resolve("escape.txt") + " 2>/dev/null || echo refused");

    assertThat(result.stdout()).isEqualTo("ok\nrefused\n");
    assertThat(dir.resolve("inside.txt")).hasContent("made\n");
    assertThat(outside.resolve("escape.txt")).doesNotExist();
  }

  @Test
  void tmpIsPrivateAndEmpty() throws Exception {
    // The one file a test writes outside its own directories: the host's /tmp is what must be hidden. Deleted below.
    Path marker = Files.createTempFile("sandbox-marker", ".txt");
    try {
      ExecResult result = run(SandboxPolicy.defaults(), "test -e " + marker + " && echo visible || echo hidden; touch /tmp/t && echo writable");
      assertThat(result.stdout()).isEqualTo("hidden\nwritable\n");
    } finally {
      Files.deleteIfExists(marker);
    }
  }

  @Test
  void networkIsCutUnlessAllowed() throws Exception {
    // /proc is mounted afresh inside the sandbox, so /proc/net shows the sandbox's own namespace.
    String interfaces = "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | sort | tr '\\n' ' '";
    Process host = new ProcessBuilder("bash", "-c", interfaces).start();
    String hostInterfaces = new String(host.getInputStream().readAllBytes());

    assertThat(run(SandboxPolicy.defaults(), interfaces).stdout()).isEqualTo("lo ");
    assertThat(run(SandboxPolicy.defaults().withNetwork(true), interfaces).stdout()).isEqualTo(hostInterfaces);
  }

  @Test
  void timeoutStillKillsTheSandboxedTree() {
    SandboxedExecutionEnvironment env =
        SandboxedExecutionEnvironment.create(LocalExecutionEnvironment.create(dir), SandboxPolicy.defaults());
    // Ample time for bubblewrap to set up and the command to print on a loaded machine; none for the sleep.
    ExecResult result = env.execCommand("echo started; sleep 300", Duration.ofSeconds(3), Optional.empty(), Map.of());

    assertThat(result.timedOut()).isTrue();
    assertThat(result.stdout()).isEqualTo("started\n");
    assertThat(result.durationMs()).isLessThan(60_000);
  }
}
