package dev.darkfactory.agent.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.EnvironmentException.Reason;
import dev.darkfactory.agent.env.search.JavaGrepEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalExecutionEnvironmentTest {
  @TempDir Path dir;

  private LocalExecutionEnvironment env() {
    return LocalExecutionEnvironment.create(dir);
  }

  @Test
  void relativePathsResolveAgainstTheWorkingDirectory() {
    LocalExecutionEnvironment env = env();
    env.writeFile("nested/deep/file.txt", "hello\nworld\n");

    assertThat(dir.resolve("nested/deep/file.txt")).hasContent("hello\nworld\n");
    assertThat(env.fileExists("nested/deep/file.txt")).isTrue();
    assertThat(env.fileExists(dir.resolve("nested/deep/file.txt").toString())).isTrue();
    assertThat(env.readFile("nested/deep/file.txt")).isEqualTo("hello\nworld");
    assertThat(env.workingDirectory()).isEqualTo(dir.toString());
  }

  @Test
  void readFileSelectsLinesByOffsetAndLimit() throws Exception {
    Files.writeString(dir.resolve("f.txt"), "1\n2\n3\n4\n5");
    LocalExecutionEnvironment env = env();

    assertThat(env.readFile("f.txt", 2, 2)).isEqualTo("2\n3");
    assertThat(env.readFile("f.txt", 4, 100)).isEqualTo("4\n5");
    assertThat(env.readFile("f.txt", 9, 10)).isEmpty();
  }

  @Test
  void readFileDropsCarriageReturnsOfCrlfFiles() throws Exception {
    Files.writeString(dir.resolve("crlf.txt"), "a\r\nb\r\n");
    assertThat(env().readFile("crlf.txt")).isEqualTo("a\nb");
  }

  @Test
  void readFailuresSayWhatToDo() throws Exception {
    Files.write(dir.resolve("image.bin"), new byte[] {1, 0, 2});
    Files.createDirectories(dir.resolve("folder"));
    LocalExecutionEnvironment env = env();

    assertThatThrownBy(() -> env.readFile("missing.txt"))
        .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
        .hasMessageContaining("File not found: missing.txt");
    assertThatThrownBy(() -> env.readFile("image.bin"))
        .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BINARY_FILE));
    assertThatThrownBy(() -> env.readFile("folder"))
        .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_FILE));
    assertThatThrownBy(() -> env.writeFile("folder", "x"))
        .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_FILE));
    assertThatThrownBy(() -> env.deleteFile("missing.txt"))
        .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void readBytesAndDelete() throws Exception {
    Files.write(dir.resolve("b.bin"), new byte[] {1, 2, 3});
    LocalExecutionEnvironment env = env();

    assertThat(env.readBytes("b.bin")).containsExactly(1, 2, 3);
    env.deleteFile("b.bin");
    assertThat(dir.resolve("b.bin")).doesNotExist();
  }

  @Test
  void listsDirectoriesToTheRequestedDepthSkippingGitContents() throws Exception {
    Files.createDirectories(dir.resolve(".git/objects"));
    Files.createDirectories(dir.resolve("src/main"));
    Files.writeString(dir.resolve("src/main/A.java"), "class A {}");
    Files.writeString(dir.resolve("README.md"), "# hi");

    assertThat(env().listDirectory("", 1))
        .containsExactly(
            new DirEntry(".git", true, Optional.empty()),
            new DirEntry("README.md", false, Optional.of(4L)),
            new DirEntry("src", true, Optional.empty()));
    assertThat(env().listDirectory(".", 3)).extracting(DirEntry::name)
        .containsExactly(".git", "README.md", "src", "src/main", "src/main/A.java");
    assertThatThrownBy(() -> env().listDirectory("README.md", 1))
        .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_DIRECTORY));
  }

  @Test
  void globSortsNewestFirst() throws Exception {
    for (String name : new String[] {"old.ts", "mid.ts", "new.ts", "src/deep.ts", "skip.js"}) {
      Files.createDirectories(dir.resolve(name).getParent());
      Files.writeString(dir.resolve(name), name);
    }
    Instant now = Instant.now();
    touch("old.ts", now.minusSeconds(300));
    touch("mid.ts", now.minusSeconds(200));
    touch("src/deep.ts", now.minusSeconds(100));
    touch("new.ts", now);

    assertThat(env().glob("**/*.ts", "")).containsExactly("new.ts", "src/deep.ts", "mid.ts", "old.ts");
    assertThat(env().glob("*.ts", "")).containsExactly("new.ts", "mid.ts", "old.ts");
    assertThat(env().glob("*.ts", "src")).containsExactly("src/deep.ts");
    assertThatThrownBy(() -> env().glob("*.ts", "nowhere"))
        .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  private void touch(String name, Instant when) throws Exception {
    Files.setLastModifiedTime(dir.resolve(name), FileTime.from(when));
  }

  @Test
  void grepWorksWithEitherEngine() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "alpha\nbeta\n");
    LocalExecutionEnvironment java = LocalExecutionEnvironment.builder(dir).grepEngine(new JavaGrepEngine()).build();

    assertThat(java.grep("bet", "", GrepOptions.defaults())).isEqualTo("a.txt:2:beta");
    assertThat(env().grep("bet", "", GrepOptions.defaults())).isEqualTo("a.txt:2:beta");
    assertThatThrownBy(() -> env().grep("x", "missing", GrepOptions.defaults()))
        .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void commandsRunInTheWorkingDirectoryOrARelativeSubdirectory() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    LocalExecutionEnvironment env = env();

    assertThat(env.execCommand("pwd", Duration.ofSeconds(5), Optional.empty(), Map.of()).stdout())
        .isEqualTo(dir + "\n");
    assertThat(env.execCommand("pwd", Duration.ofSeconds(5), Optional.of("sub"), Map.of()).stdout())
        .isEqualTo(dir.resolve("sub") + "\n");
    assertThat(env.execCommand("echo $X", Duration.ofSeconds(5), Optional.empty(), Map.of("X", "y")).stdout())
        .isEqualTo("y\n");
    assertThatThrownBy(() -> env.execCommand("pwd", Duration.ofSeconds(5), Optional.of("nope"), Map.of()))
        .isInstanceOfSatisfying(EnvironmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_DIRECTORY));
  }

  @Test
  void metadataAndLifecycle() {
    LocalExecutionEnvironment env = env();
    env.initialize();
    assertThat(env.platform()).isIn("linux", "darwin", "windows");
    assertThat(env.osVersion()).isNotBlank();
    env.cleanup();
    assertThatThrownBy(() -> LocalExecutionEnvironment.create(dir.resolve("missing")).initialize())
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("does not exist");
  }
}
