package dev.darkfactory.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Section 5 of coding-agent-loop-spec, marker for marker. */
class OutputTruncationTest {

  @Test
  void shortOutputIsUntouched() {
    assertThat(OutputTruncation.truncateChars("abc", 3, TruncationMode.HEAD_TAIL)).isEqualTo("abc");
    assertThat(OutputTruncation.truncateLines("a\nb", 2)).isEqualTo("a\nb");
  }

  @Test
  void headTailKeepsBothHalvesWithTheSpecMarker() {
    String output = "A".repeat(60) + "B".repeat(40);

    String truncated = OutputTruncation.truncateChars(output, 20, TruncationMode.HEAD_TAIL);

    assertThat(truncated).isEqualTo("A".repeat(10)
        + "\n\n[WARNING: Tool output was truncated. 80 characters were removed from the middle. "
        + "The full output is available in the event stream. "
        + "If you need to see specific parts, re-run the tool with more targeted parameters.]\n\n"
        + "B".repeat(10));
  }

  @Test
  void tailKeepsTheEndWithTheSpecMarker() {
    String truncated = OutputTruncation.truncateChars("0123456789", 4, TruncationMode.TAIL);

    assertThat(truncated).isEqualTo("[WARNING: Tool output was truncated. First 6 characters were removed. "
        + "The full output is available in the event stream.]\n\n6789");
  }

  @Test
  void linesKeepHeadAndTailWithTheOmissionMarker() {
    assertThat(OutputTruncation.truncateLines("1\n2\n3\n4\n5\n6\n7", 4)).isEqualTo("1\n2\n[... 3 lines omitted ...]\n6\n7");
    assertThat(OutputTruncation.truncateLines("1\n2\n3\n4\n5", 3)).isEqualTo("1\n[... 2 lines omitted ...]\n4\n5");
  }

  @Test
  void charactersAreCutBeforeLinesSoHugeLinesCannotSlipThrough() {
    // Two 10 MB lines: a line limit alone would pass them through (section 5.3).
    String csv = "x".repeat(10_000_000) + "\n" + "y".repeat(10_000_000);

    String truncated = OutputTruncation.truncate(csv, ToolLimit.of(30_000, TruncationMode.HEAD_TAIL, 256));

    assertThat(truncated.length()).isLessThan(30_400);
    assertThat(truncated).startsWith("xxx").endsWith("yyy").contains("19970001 characters were removed from the middle");
  }

  @Test
  void lineTruncationRunsAfterCharacterTruncation() {
    String manyLines = "line\n".repeat(1000);

    String truncated = OutputTruncation.truncate(manyLines, ToolLimit.of(30_000, TruncationMode.HEAD_TAIL, 256));

    assertThat(truncated.split("\n", -1)).hasSize(257);
    assertThat(truncated).contains("[... 745 lines omitted ...]");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00".repeat(10);
    String truncated = OutputTruncation.truncateChars(emoji, 5, TruncationMode.TAIL);
    assertThat(truncated.substring(truncated.indexOf("]\n\n") + 3)).doesNotStartWith("\uDE00");
  }
}
