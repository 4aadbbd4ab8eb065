package dev.darkfactory.agent.env.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.agent.EnvironmentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GlobPatternTest {

  @ParameterizedTest(name = "path glob {0} vs {1} -> {2}")
  @CsvSource({
    "*.ts, a.ts, true",
    "*.ts, src/a.ts, false",
    "**/*.ts, a.ts, true",
    "**/*.ts, src/deep/a.ts, true",
    "src/**/*.java, src/A.java, true",
    "src/**/*.java, src/x/y/A.java, true",
    "src/**, src/x/y, true",
    "src/*, src/x/y, false",
    "?.txt, a.txt, true",
    "?.txt, ab.txt, false",
    "[ab].txt, b.txt, true",
    "[!ab].txt, c.txt, true",
    "[!ab].txt, a.txt, false",
    "'*.{ts,tsx}', a.tsx, true",
    "'*.{ts,tsx}', a.js, false",
    "./src/*.c, src/m.c, true",
    "a+b(c).txt, a+b(c).txt, true",
  })
  void pathStyle(String glob, String path, boolean expected) {
    assertThat(GlobPattern.path(glob).matches(path)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "gitignore glob {0} vs {1} -> {2}")
  @CsvSource({
    "*.log, app.log, true",
    "*.log, deep/dir/app.log, true",
    "build, x/build, true",
    "/build, x/build, false",
    "/build, build, true",
    "doc/*.md, doc/a.md, true",
    "doc/*.md, x/doc/a.md, false",
    "**/doc/*.md, x/doc/a.md, true",
    "a/**, a/b/c, true",
  })
  void gitignoreStyle(String glob, String path, boolean expected) {
    assertThat(GlobPattern.gitignore(glob).matches(path)).isEqualTo(expected);
  }

  @Test
  void unclosedBraceIsAnInvalidPattern() {
    assertThatThrownBy(() -> GlobPattern.path("*.{ts"))
        .isInstanceOfSatisfying(EnvironmentException.class,
            e -> assertThat(e.reason()).isEqualTo(EnvironmentException.Reason.INVALID_PATTERN));
  }
}
