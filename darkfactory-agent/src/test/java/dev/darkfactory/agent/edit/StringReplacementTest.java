package dev.darkfactory.agent.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.agent.ToolException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StringReplacementTest {
  private static StringReplacement.Result replace(String content, String old, String replacement, boolean all) {
    return StringReplacement.apply("f.txt", content, old, replacement, all, OptionalInt.empty());
  }

  @Test
  void replacesAUniqueExactString() {
    StringReplacement.Result result = replace("a = 1\nb = 2\n", "b = 2", "b = 3", false);
    assertThat(result.content()).isEqualTo("a = 1\nb = 3\n");
    assertThat(result.replacements()).isEqualTo(1);
    assertThat(result.fuzzyLevel()).isEmpty();
  }

  @Test
  void refusesAnAmbiguousStringUnlessReplaceAll() {
    assertThatThrownBy(() -> replace("x\nx\n", "x", "y", false))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.kind()).isEqualTo(ToolException.Kind.EDIT_CONFLICT))
        .hasMessageContaining("old_string appears 2 times in f.txt")
        .hasMessageContaining("replace_all");
    assertThat(replace("x\nx\n", "x", "y", true).content()).isEqualTo("y\ny\n");
    assertThat(replace("x\nx\n", "x", "y", true).replacements()).isEqualTo(2);
  }

  @Test
  void missingStringSaysToReadTheFileAgain() {
    assertThatThrownBy(() -> replace("abc\n", "xyz", "q", false))
        .isInstanceOf(ToolException.class)
        .hasMessageContaining("old_string was not found in f.txt")
        .hasMessageContaining("Read the file again");
  }

  @Test
  void emptyOrUnchangedStringsAreRefused() {
    assertThatThrownBy(() -> replace("abc", "", "x", false)).hasMessageContaining("old_string is empty");
    assertThatThrownBy(() -> replace("abc", "abc", "abc", false)).hasMessageContaining("identical");
  }

  @Test
  void whitespaceDifferencesMatchWholeLinesWhenUnique() {
    StringReplacement.Result result = replace("def f():\n    return 1  \n", "def f():\n  return 1", "def f():\n    return 2", false);
    assertThat(result.content()).isEqualTo("def f():\n    return 2\n");
    assertThat(result.fuzzyLevel()).contains(LineMatcher.Level.SURROUNDING_WHITESPACE);
  }

  @Test
  void fuzzyMatchMustBeUnique() {
    assertThatThrownBy(() -> replace("  a\n a\n", "a ", "b", false)).hasMessageContaining("matches several places");
  }

  @Test
  void crlfFilesAcceptLfStrings() {
    assertThat(replace("one\r\ntwo\r\n", "one\ntwo", "1\n2", false).content()).isEqualTo("1\r\n2\r\n");
  }

  @Test
  void expectedReplacementsMustMatchTheCount() {
    assertThat(StringReplacement.apply("f", "a a a", "a", "b", false, OptionalInt.of(3)).content()).isEqualTo("b b b");
    assertThatThrownBy(() -> StringReplacement.apply("f", "a a a", "a", "b", false, OptionalInt.of(1)))
        .hasMessageContaining("Expected 1 occurrence(s) of old_string in f but found 3");
  }
}
