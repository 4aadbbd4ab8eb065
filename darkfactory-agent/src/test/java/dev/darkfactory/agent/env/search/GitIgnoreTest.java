package dev.darkfactory.agent.env.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.agent.env.search.GitIgnore.Verdict;
import org.junit.jupiter.api.Test;

class GitIgnoreTest {
  private final GitIgnore rules =
      GitIgnore.parse("# comment\n\n*.log\n!keep.log\nbuild/\n/root-only\ntrailing\\ \n\\#hash\n");

  @Test
  void lastMatchingRuleWins() {
    assertThat(rules.match("x.log", false)).isEqualTo(Verdict.IGNORED);
    assertThat(rules.match("keep.log", false)).isEqualTo(Verdict.INCLUDED);
    assertThat(rules.match("x.txt", false)).isEqualTo(Verdict.NONE);
  }

  @Test
  void directoryOnlyRulesSkipFiles() {
    assertThat(rules.match("build", true)).isEqualTo(Verdict.IGNORED);
    assertThat(rules.match("build", false)).isEqualTo(Verdict.NONE);
    assertThat(rules.match("src/build", true)).isEqualTo(Verdict.IGNORED);
  }

  @Test
  void leadingSlashAnchorsAndEscapesWork() {
    assertThat(rules.match("root-only", false)).isEqualTo(Verdict.IGNORED);
    assertThat(rules.match("sub/root-only", false)).isEqualTo(Verdict.NONE);
    assertThat(rules.match("#hash", false)).isEqualTo(Verdict.IGNORED);
    assertThat(rules.match("trailing ", false)).isEqualTo(Verdict.IGNORED);
  }

  @Test
  void commentsAndBlankLinesAreNotRules() {
    assertThat(GitIgnore.parse("# only a comment\n\n   \n").isEmpty()).isTrue();
  }
}
