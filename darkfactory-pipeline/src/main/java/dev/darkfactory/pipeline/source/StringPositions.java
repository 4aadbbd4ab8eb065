package dev.darkfactory.pipeline.source;

/**
 * Maps an offset inside a decoded string value back to the source, so an error inside a condition
 * or a stylesheet can name its own line and column.
 *
 * <p>The mapping counts the literal newlines of multi-line strings exactly; an escape sequence
 * before the offset ({@code \"}, {@code \n}) shifts the column by one per escape, which is
 * accepted: the line is always right and the caret lands within a character or two.
 */
public final class StringPositions {
  private StringPositions() {}

  /**
   * @param valueStart where the value starts in the source (its opening quote, if quoted)
   * @param quoted whether the value was written in quotes
   * @param value the decoded value
   * @param offset a 0-based offset into {@code value}
   */
  public static SourcePosition locate(SourcePosition valueStart, boolean quoted, String value, int offset) {
    if (!valueStart.isKnown()) {
      return valueStart;
    }
    int clamped = Math.max(0, Math.min(offset, value.length()));
    int line = valueStart.line();
    int lastNewline = -1;
    for (int i = 0; i < clamped; i++) {
      if (value.charAt(i) == '\n') {
        line++;
        lastNewline = i;
      }
    }
    int column = lastNewline < 0 ? valueStart.column() + (quoted ? 1 : 0) + clamped : clamped - lastNewline;
    return new SourcePosition(valueStart.file(), line, column);
  }
}
