package dev.darkfactory.agent.tool;

/**
 * Shortens tool output before the model sees it (coding-agent-loop-spec §5.1, §5.3): characters
 * first, which bounds any output however pathological, then lines for readability. The markers
 * are the spec's, word for word, so the model knows what it is missing and where the full output
 * is (the {@code TOOL_CALL_END} event).
 *
 * <p>Lengths are counted in UTF-16 code units, Java's {@code String.length()}. A cut that would
 * split a surrogate pair moves by one unit so no half character is sent.
 */
public final class OutputTruncation {
  private OutputTruncation() {}

  /** §5.3 {@code truncate_tool_output}: characters, then lines when the limit has a line count. */
  public static String truncate(String output, ToolLimit limit) {
    String result = truncateChars(output, limit.maxChars(), limit.mode());
    if (limit.maxLines().isPresent()) {
      result = truncateLines(result, limit.maxLines().getAsInt());
    }
    return result;
  }

  /** §5.1 {@code truncate_output}. */
  public static String truncateChars(String output, int maxChars, TruncationMode mode) {
    if (output.length() <= maxChars) {
      return output;
    }
    int removed = output.length() - maxChars;
    return switch (mode) {
      case HEAD_TAIL -> {
        int half = maxChars / 2;
        yield output.substring(0, safeCut(output, half))
            + "\n\n[WARNING: Tool output was truncated. "
            + removed
            + " characters were removed from the middle. "
            + "The full output is available in the event stream. "
            + "If you need to see specific parts, re-run the tool with more targeted parameters.]\n\n"
            + output.substring(safeCut(output, output.length() - half));
      }
      case TAIL ->
          "[WARNING: Tool output was truncated. First "
              + removed
              + " characters were removed. "
              + "The full output is available in the event stream.]\n\n"
              + output.substring(safeCut(output, output.length() - maxChars));
    };
  }

  /** §5.3 {@code truncate_lines}: head and tail halves with an omission marker. */
  public static String truncateLines(String output, int maxLines) {
    String[] lines = output.split("\n", -1);
    if (lines.length <= maxLines) {
      return output;
    }
    int headCount = maxLines / 2;
    int tailCount = maxLines - headCount;
    int omitted = lines.length - headCount - tailCount;
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < headCount; i++) {
      if (i > 0) {
        result.append('\n');
      }
      result.append(lines[i]);
    }
    result.append("\n[... ").append(omitted).append(" lines omitted ...]\n");
    for (int i = lines.length - tailCount; i < lines.length; i++) {
      if (i > lines.length - tailCount) {
        result.append('\n');
      }
      result.append(lines[i]);
    }
    return result.toString();
  }

  /** Moves a cut off the middle of a surrogate pair. */
  private static int safeCut(String text, int index) {
    if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
        && Character.isHighSurrogate(text.charAt(index - 1))) {
      return index + 1;
    }
    return index;
  }
}
