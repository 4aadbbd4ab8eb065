package dev.darkfactory.agent.env.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.env.GrepOptions;
import dev.darkfactory.agent.env.GrepOptions.OutputMode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java fallback on its own, with literal expectations, so it is checked on machines without
 * ripgrep too.
 */
class JavaGrepEngineTest {
  @TempDir static Path base;
  static Path repo;
  final JavaGrepEngine engine = new JavaGrepEngine();

  @BeforeAll
  static void createTree() throws Exception {
    repo = SearchFixture.create(base);
  }

  private java.util.List<String> search(String pattern, String path, GrepOptions options) {
    return engine.search(new GrepQuery(pattern, repo.resolve(path).normalize(), repo, options));
  }

  @Test
  void honoursGitignoreHiddenFilesBinaryFilesAndSortsByPathComponents() {
    assertThat(search("needle", "", GrepOptions.defaults().withMaxResults(1000)))
        .filteredOn(line -> !line.startsWith("many.txt"))
        .containsExactly(
            "a/z.txt:1:needle slash",
            "a-b/x.txt:1:needle dash",
            "a.txt:1:needle dot",
            "docs/guide.md:2:second needle line",
            "keep.log:1:needle kept log",
            "no-newline.txt:1:last needle",
            "src/Main.java:2:  // needle here",
            "src/docs/d.tmp:1:needle in a nested tmp",
            "src/sub/important.txt:1:needle",
            "src/util/Helper.java:1:needle",
            "src/util/helper.py:1:def needle():",
            "unicode.txt:1:naïve needle café");
  }

  @Test
  void caseInsensitiveSearch() {
    assertThat(search("needle", "src/util/Helper.java", GrepOptions.defaults().withCaseInsensitive(true)))
        .containsExactly(
            "src/util/Helper.java:1:needle",
            "src/util/Helper.java:2:Needle",
            "src/util/Helper.java:3:NEEDLE");
  }

  @Test
  void globFilterMatchesNamesAtAnyDepthOrPathsFromTheWorkingDirectory() {
    assertThat(search("needle", "", GrepOptions.defaults().withGlobFilter("*.py")))
        .containsExactly("src/util/helper.py:1:def needle():");
    assertThat(search("needle", "src", GrepOptions.defaults().withGlobFilter("src/*.java")))
        .containsExactly("src/Main.java:2:  // needle here");
  }

  @Test
  void filesAndCountModes() {
    assertThat(search("needle", "src/util", GrepOptions.defaults().withOutputMode(OutputMode.FILES_WITH_MATCHES)))
        .containsExactly("src/util/Helper.java", "src/util/helper.py");
    assertThat(search("needle", "", GrepOptions.defaults().withOutputMode(OutputMode.COUNT).withGlobFilter("many.txt")))
        .containsExactly("many.txt:30");
  }

  @Test
  void returnsOneResultMoreThanTheMaximumSoTheCallerKnowsItWasCut() {
    assertThat(search("needle", "many.txt", GrepOptions.defaults().withMaxResults(4))).hasSize(5);
    assertThat(GrepResults.render(search("needle", "many.txt", GrepOptions.defaults().withMaxResults(4)), 4))
        .endsWith("[Showing the first 4 results; there are more. Narrow the search with path or glob_filter,"
            + " or raise max_results.]")
        .startsWith("many.txt:1:needle\n");
  }

  @Test
  void withoutRipgrepOnThePathTheJavaEngineIsUsed(@TempDir Path emptyBin) {
    assertThat(GrepEngine.detect(emptyBin.toString())).isInstanceOf(JavaGrepEngine.class);
    assertThat(GrepEngine.detect(null).name()).isEqualTo("java");
  }

  @Test
  void noMatchesIsAMessage() {
    assertThat(GrepResults.render(search("absent", "", GrepOptions.defaults()), 100)).isEqualTo("No matches found.");
  }

  @Test
  void outsideARepositoryGitignoreFilesDoNotApply(@TempDir Path plain) throws Exception {
    java.nio.file.Files.writeString(plain.resolve(".gitignore"), "*.txt\n");
    java.nio.file.Files.writeString(plain.resolve("a.txt"), "needle\n");

    assertThat(engine.search(new GrepQuery("needle", plain, plain, GrepOptions.defaults())))
        .containsExactly("a.txt:1:needle");
  }
}
