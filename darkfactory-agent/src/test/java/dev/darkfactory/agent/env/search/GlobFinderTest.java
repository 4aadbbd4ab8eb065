package dev.darkfactory.agent.env.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.agent.EnvironmentException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobFinderTest {
  @TempDir Path dir;

  @Test
  void walksOnlyBelowTheLiteralPrefixAndMatchesTheWholePattern() throws Exception {
    Files.createDirectories(dir.resolve("src/main/x"));
    Files.createDirectories(dir.resolve("other/main"));
    Files.writeString(dir.resolve("src/main/x/A.java"), "");
    Files.writeString(dir.resolve("src/main/B.java"), "");
    Files.writeString(dir.resolve("other/main/C.java"), "");

    assertThat(GlobFinder.literalPrefix("src/main/**/*.java")).isEqualTo("src/main");
    assertThat(GlobFinder.literalPrefix("**/*.java")).isEmpty();
    assertThat(GlobFinder.literalPrefix("src/*/x/*.java")).isEqualTo("src");
    assertThat(GlobFinder.find("src/main/**/*.java", dir, dir)).containsExactlyInAnyOrder("src/main/x/A.java", "src/main/B.java");
    assertThat(GlobFinder.find("*/main/*.java", dir, dir)).containsExactlyInAnyOrder("src/main/B.java", "other/main/C.java");
    assertThat(GlobFinder.find("missing/**/*.java", dir, dir)).isEmpty();
  }

  @Test
  void absolutePatternsMustBeUnderTheBase() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "");

    assertThat(GlobFinder.find(dir + "/*.txt", dir, dir)).containsExactly("a.txt");
    assertThatThrownBy(() -> GlobFinder.find("/etc/*.conf", dir, dir)).isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("not under the search directory");
  }
}
