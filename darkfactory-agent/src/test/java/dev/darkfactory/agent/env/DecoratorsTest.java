package dev.darkfactory.agent.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.EnvironmentException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrappers of coding-agent-loop-spec §4.4. */
class DecoratorsTest {
  @TempDir Path dir;
  @TempDir Path outside;

  @Test
  void readOnlyRefusesWritesAndDeletesButReads() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "content");
    ExecutionEnvironment env = new ReadOnlyExecutionEnvironment(LocalExecutionEnvironment.create(dir));

    assertThat(env.readFile("a.txt")).isEqualTo("content");
    assertThatThrownBy(() -> env.writeFile("a.txt", "changed"))
        .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.READ_ONLY))
        .hasMessageStartingWith("Write operations are disabled in read-only mode");
    assertThatThrownBy(() -> env.deleteFile("a.txt")).isInstanceOf(EnvironmentException.class);
    assertThat(dir.resolve("a.txt")).hasContent("content");
  }

  @Test
  void loggingReportsCommandsAndWrites() {
    List<String> log = new CopyOnWriteArrayList<>();
    ExecutionEnvironment env = new LoggingExecutionEnvironment(LocalExecutionEnvironment.create(dir), log::add);

    env.writeFile("x.txt", "abc");
    env.execCommand("exit 4", Duration.ofSeconds(5), Optional.empty(), Map.of());

    assertThat(log).hasSize(3);
    assertThat(log.get(0)).isEqualTo("write: x.txt (3 chars)");
    assertThat(log.get(1)).isEqualTo("exec: exit 4");
    assertThat(log.get(2)).startsWith("exit: 4 in ");
  }

  @Test
  void confinedRefusesPathsOutsideTheWorkingDirectory() throws Exception {
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.writeString(dir.resolve("ok.txt"), "fine");
    ExecutionEnvironment env = new ConfinedExecutionEnvironment(LocalExecutionEnvironment.create(dir));

    assertThat(env.readFile("ok.txt")).isEqualTo("fine");
    assertThat(env.readFile(dir.resolve("ok.txt").toString())).isEqualTo("fine");
    env.writeFile("new/dir/file.txt", "created");
    for (String path : List.of(outside.resolve("secret.txt").toString(), "../" + outside.getFileName() + "/secret.txt", "/etc/passwd")) {
      assertThatThrownBy(() -> env.readFile(path))
          .isInstanceOfSatisfying(EnvironmentException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.OUTSIDE_WORKING_DIRECTORY))
          .hasMessageContaining("outside the working directory");
    }
    assertThatThrownBy(() -> env.writeFile(outside.resolve("x.txt").toString(), "x")).isInstanceOf(EnvironmentException.class);
    assertThatThrownBy(() -> env.grep("x", "/", GrepOptions.defaults())).isInstanceOf(EnvironmentException.class);
    assertThatThrownBy(() -> env.glob("*", "..")).isInstanceOf(EnvironmentException.class);
    assertThatThrownBy(() -> env.listDirectory(outside.toString(), 1)).isInstanceOf(EnvironmentException.class);
    assertThatThrownBy(() -> env.execCommand("pwd", Duration.ofSeconds(1), Optional.of(outside.toString()), Map.of()))
        .isInstanceOf(EnvironmentException.class);
    assertThat(outside.resolve("x.txt")).doesNotExist();
  }

  @Test
  void confinedSeesThroughSymbolicLinksLeadingOut() throws Exception {
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(dir.resolve("escape"), outside);
    ExecutionEnvironment env = new ConfinedExecutionEnvironment(LocalExecutionEnvironment.create(dir));

    assertThatThrownBy(() -> env.readFile("escape/secret.txt"))
        .isInstanceOfSatisfying(EnvironmentException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.OUTSIDE_WORKING_DIRECTORY));
    assertThatThrownBy(() -> env.writeFile("escape/planted.txt", "x")).isInstanceOf(EnvironmentException.class);
    assertThat(outside.resolve("planted.txt")).doesNotExist();
  }
}
