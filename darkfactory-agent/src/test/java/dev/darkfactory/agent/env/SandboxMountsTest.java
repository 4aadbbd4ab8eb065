package dev.darkfactory.agent.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sandbox mounts, decided without running bubblewrap (so it is checked on every machine). */
class SandboxMountsTest {
  @TempDir Path etc;
  @TempDir Path work;

  @Test
  void onlyTheListedEtcEntriesAreBoundAndNeverTheSecretOnes() throws Exception {
    for (String name : List.of("passwd", "group", "shadow", "gshadow", "sudoers", "environment", "npmrc")) {
      Files.writeString(etc.resolve(name), name);
    }
    Files.createDirectories(etc.resolve("ssh"));
    Files.createDirectories(etc.resolve("ssl/private"));
    Files.createDirectories(etc.resolve("ssl/certs"));
    Files.createDirectories(etc.resolve("java-21-openjdk"));

    List<String> argv = new SandboxMounts(etc).plan(work, Map.of("HOME", "/home/dev"), SandboxPolicy.defaults());

    String bound = String.join(" ", argv);
    assertThat(bound).contains("--ro-bind-try " + etc.resolve("passwd") + " /etc/passwd", "/etc/group", "/etc/ssl/certs",
        "/etc/java-21-openjdk");
    assertThat(bound).doesNotContain("shadow", "sudoers", "/etc/ssh", "ssl/private", "/etc/environment", "npmrc");
  }

  @Test
  void theWorkdirIsWritableItsGitDirectoryReadOnlyAndTheHomePrivate() throws Exception {
    Files.createDirectories(work.resolve(".git/hooks"));

    List<String> argv = new SandboxMounts(etc).plan(work, Map.of("HOME", "/home/dev"), SandboxPolicy.defaults());

    String plan = String.join(" ", argv);
    assertThat(plan).contains("--tmpfs /tmp", "--tmpfs /home/dev", "--bind " + work + " " + work,
        "--ro-bind " + work.resolve(".git") + " " + work.resolve(".git"), "--remount-ro /", "--setenv HOME /home/dev",
        "--setenv TMPDIR /tmp");
    assertThat(plan.indexOf("--bind " + work)).isLessThan(plan.indexOf("--ro-bind " + work.resolve(".git")));
    assertThat(plan).doesNotContain("--ro-bind / /");
  }

  @Test
  void aHomeThatWouldCoverTheSystemIsReplaced() {
    for (String home : List.of("/", "/usr/local/home", "relative", "")) {
      List<String> argv = new SandboxMounts(etc).plan(work, Map.of("HOME", home), SandboxPolicy.defaults());

      assertThat(String.join(" ", argv)).as(home).contains("--dir " + SandboxMounts.FALLBACK_HOME, "--setenv HOME " + SandboxMounts.FALLBACK_HOME)
          .doesNotContain("--tmpfs / ");
    }
  }
}
