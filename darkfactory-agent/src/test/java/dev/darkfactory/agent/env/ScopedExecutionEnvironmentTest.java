package dev.darkfactory.agent.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.agent.EnvironmentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subagent's view of the parent's environment from a subdirectory (coding-agent-loop-spec §7.2 working_dir). */
class ScopedExecutionEnvironmentTest {
  @TempDir Path dir;

  @Test
  void pathsCommandsAndSearchesStartInTheSubdirectory() throws Exception {
    Files.createDirectories(dir.resolve("sub/src"));
    Files.writeString(dir.resolve("sub/src/a.txt"), "needle\n");
    Files.writeString(dir.resolve("outer.txt"), "needle\n");
    ExecutionEnvironment scoped = ScopedExecutionEnvironment.of(LocalExecutionEnvironment.create(dir), "sub");

    assertThat(scoped.workingDirectory()).isEqualTo(dir.resolve("sub").toString());
    assertThat(scoped.readFile("src/a.txt")).isEqualTo("needle");
    scoped.writeFile("new.txt", "x");
    assertThat(dir.resolve("sub/new.txt")).hasContent("x");
    assertThat(scoped.execCommand("pwd", Duration.ofSeconds(5), Optional.empty(), Map.of()).stdout())
        .isEqualTo(dir.resolve("sub") + "\n");
    assertThat(scoped.grep("needle", "", GrepOptions.defaults())).isEqualTo("src/a.txt:1:needle");
    assertThat(scoped.glob("**/*.txt", "")).containsExactlyInAnyOrder("src/a.txt", "new.txt");
    assertThat(scoped.listDirectory("", 1)).extracting(DirEntry::name).containsExactly("new.txt", "src");
  }

  @Test
  void theSubdirectoryMustExistInsideTheWorkingDirectory() {
    LocalExecutionEnvironment env = LocalExecutionEnvironment.create(dir);

    assertThatThrownBy(() -> ScopedExecutionEnvironment.of(env, "../elsewhere"))
        .isInstanceOfSatisfying(EnvironmentException.class,
            e -> assertThat(e.reason()).isEqualTo(EnvironmentException.Reason.OUTSIDE_WORKING_DIRECTORY));
    assertThatThrownBy(() -> ScopedExecutionEnvironment.of(env, "missing")).hasMessageContaining("does not exist");
  }
}
