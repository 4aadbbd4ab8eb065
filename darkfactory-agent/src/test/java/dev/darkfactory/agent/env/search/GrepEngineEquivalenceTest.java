package dev.darkfactory.agent.env.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.env.GrepOptions;
import dev.darkfactory.agent.env.GrepOptions.OutputMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ripgrep and the Java fallback give identical results (coding-agent-loop-spec §4.2). */
class GrepEngineEquivalenceTest {
  @TempDir static Path base;
  static Path repo;

  @BeforeAll
  static void createTree() throws Exception {
    repo = SearchFixture.create(base);
  }

  static Stream<Arguments> queries() {
    GrepOptions d = GrepOptions.defaults();
    return Stream.of(
        Arguments.of("needle", "", d),
        Arguments.of("needle", "", d.withCaseInsensitive(true)),
        Arguments.of("needle", "src", d),
        Arguments.of("needle", "src/sub", d),
        Arguments.of("needle", "src/Main.java", d),
        Arguments.of("needle", "", d.withGlobFilter("*.java")),
        Arguments.of("needle", "", d.withGlobFilter("src/*.java")),
        Arguments.of("needle", "", d.withGlobFilter("**/util/*")),
        Arguments.of("needle", "", d.withGlobFilter("*.{py,md}")),
        Arguments.of("needle", "src", d.withGlobFilter("src/util/*")),
        Arguments.of("needle", "", d.withOutputMode(OutputMode.FILES_WITH_MATCHES)),
        Arguments.of("needle", "", d.withOutputMode(OutputMode.COUNT)),
        Arguments.of("needle", "", d.withMaxResults(5)),
        Arguments.of("needle", "", d.withMaxResults(3).withOutputMode(OutputMode.FILES_WITH_MATCHES)),
        Arguments.of("ne+dle\\s\\w+", "", d),
        Arguments.of("^def \\w+\\(", "", d),
        Arguments.of("caf.$", "", d),
        Arguments.of("absent-string", "", d));
  }

  @ParameterizedTest(name = "{0} in ''{1}'' with {2}")
  @MethodSource("queries")
  void bothEnginesAgree(String pattern, String path, GrepOptions options) {
    Optional<RipgrepEngine> rg = RipgrepEngine.find();
    assumeTrue(rg.isPresent(), "ripgrep (rg) is not installed: equivalence with the Java engine not checked here");
    GrepQuery query = new GrepQuery(pattern, repo.resolve(path).normalize(), repo, options);

    List<String> fromRipgrep = rg.get().search(query);
    List<String> fromJava = new JavaGrepEngine().search(query);

    assertThat(fromJava).isEqualTo(fromRipgrep);
  }

  @Test
  void bothEnginesAgreeOnAnAbsoluteRootOutsideTheDisplayBase() {
    Optional<RipgrepEngine> rg = RipgrepEngine.find();
    assumeTrue(rg.isPresent(), "ripgrep (rg) is not installed");
    GrepQuery query = new GrepQuery("needle", repo.resolve("src"), repo.resolve("docs"), GrepOptions.defaults());

    assertThat(new JavaGrepEngine().search(query)).isEqualTo(rg.get().search(query)).isNotEmpty()
        .allSatisfy(line -> assertThat(line).startsWith(repo.resolve("src").toString()));
  }

  @Test
  void bothEnginesRejectAnInvalidRegex() {
    GrepQuery query = new GrepQuery("foo(", repo, repo, GrepOptions.defaults());

    assertThatThrownBy(() -> new JavaGrepEngine().search(query))
        .isInstanceOfSatisfying(EnvironmentException.class,
            e -> assertThat(e.reason()).isEqualTo(EnvironmentException.Reason.INVALID_PATTERN))
        .hasMessageContaining("foo(");
    RipgrepEngine.find().ifPresent(rg -> assertThatThrownBy(() -> rg.search(query))
        .isInstanceOfSatisfying(EnvironmentException.class,
            e -> assertThat(e.reason()).isEqualTo(EnvironmentException.Reason.INVALID_PATTERN))
        .hasMessageContaining("regex"));
  }
}
