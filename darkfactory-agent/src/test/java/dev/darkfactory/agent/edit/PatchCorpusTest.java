package dev.darkfactory.agent.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.agent.ToolException;
import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The apply_patch corpus (coding-agent-loop-spec Appendix A): each directory of
 * {@code src/test/resources/patches} holds {@code patch.txt}, the tree {@code before/}, and either
 * the tree {@code after/} or {@code error.txt}, a fragment of the expected message. A failing
 * patch must leave the tree exactly as it was.
 */
class PatchCorpusTest {
  @TempDir Path work;

  static Stream<String> cases() throws Exception {
    Path root = Path.of(PatchCorpusTest.class.getResource("/patches").toURI());
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void patchApplies(String name) throws Exception {
    Path dir = Path.of(PatchCorpusTest.class.getResource("/patches/" + name).toURI());
    Map<String, String> before = tree(dir.resolve("before"));
    before.forEach(this::write);
    String patch = Files.readString(dir.resolve("patch.txt"), StandardCharsets.UTF_8);
    LocalExecutionEnvironment env = LocalExecutionEnvironment.create(work);

    if (Files.exists(dir.resolve("error.txt"))) {
      String expected = Files.readString(dir.resolve("error.txt")).strip();
      assertThatThrownBy(() -> PatchApplier.apply(PatchParser.parse(patch), env))
          .isInstanceOf(ToolException.class)
          .hasMessageContaining(expected);
      assertThat(tree(work)).as("a failed patch changes nothing").isEqualTo(before);
    } else {
      PatchApplier.Result result = PatchApplier.apply(PatchParser.parse(patch), env);
      assertThat(result.summary()).startsWith("Success. Updated the following files:\n");
      assertThat(tree(work)).isEqualTo(tree(dir.resolve("after")));
    }
  }

  private void write(String path, String content) {
    try {
      Path file = work.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(file).toString();
        if (!relative.equals(".keep")) {
          files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }
}
