package dev.darkfactory.pipeline.source;

/**
 * Scans a double-quoted string inside an attribute value (a condition literal, a stylesheet
 * value) with the escapes of attractor-spec.md 2.2: {@code \"}, {@code \\}, {@code \n}, {@code \t}.
 * Shared by the condition and stylesheet parsers, which report problems with their own exceptions.
 */
public final class QuotedString {
  private QuotedString() {}

  /** The outcome of a scan: the decoded value and the offset after the closing quote, or a problem at an offset. */
  public sealed interface Scan {}

  public record Scanned(String value, int end) implements Scan {}

  public record Malformed(int offset, String problem) implements Scan {}

  /** Scans from the opening quote at {@code open}. */
  public static Scan scan(String text, int open) {
    StringBuilder out = new StringBuilder();
    int pos = open + 1;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        return new Scanned(out.toString(), pos + 1);
      }
      if (c == '\\' && pos + 1 < text.length()) {
        char escaped = text.charAt(pos + 1);
        switch (escaped) {
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          default -> {
            return new Malformed(pos, "unknown escape '\\" + escaped + "' in a string: the escapes are \\\", \\\\, \\n and \\t");
          }
        }
        pos += 2;
        continue;
      }
      out.append(c);
      pos++;
    }
    return new Malformed(open, "unterminated string: add a closing '\"'");
  }
}
