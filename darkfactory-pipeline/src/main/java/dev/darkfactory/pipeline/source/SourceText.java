package dev.darkfactory.pipeline.source;

import java.util.Objects;

/**
 * A named source text with line lookup, used to show the offending line under an error message.
 *
 * <p>Line starts are computed lazily, once, so a 50 MB file that parses cleanly never pays for them.
 */
public final class SourceText {
  private static final int EXCERPT_WIDTH = 100;

  private final String name;
  private final String content;
  private int[] lineStarts;

  public SourceText(String name, String content) {
    this.name = Objects.requireNonNull(name, "name");
    this.content = Objects.requireNonNull(content, "content");
  }

  public String name() {
    return name;
  }

  public String content() {
    return content;
  }

  /** The text of a 1-based line without its line terminator, or an empty string past the end. */
  public String line(int line) {
    int[] starts = lineStarts();
    if (line < 1 || line > starts.length) {
      return "";
    }
    int start = starts[line - 1];
    int end = line < starts.length ? starts[line] : content.length();
    while (end > start && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
      end--;
    }
    return content.substring(start, end);
  }

  /**
   * The line of {@code position} and a caret under its column, each prefixed by a gutter with the
   * line number. Very long lines are cut to a window around the column.
   */
  public String excerpt(SourcePosition position) {
    if (!position.isKnown()) {
      return "";
    }
    String text = line(position.line());
    int caret = Math.max(0, Math.min(position.column() - 1, text.length()));
    int from = 0;
    String prefix = "";
    if (text.length() > EXCERPT_WIDTH) {
      from = Math.max(0, Math.min(caret - EXCERPT_WIDTH / 2, text.length() - EXCERPT_WIDTH));
      int to = Math.min(text.length(), from + EXCERPT_WIDTH);
      // Never cut a character outside the Basic Multilingual Plane (an emoji) in half.
      if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
        from--;
      }
      if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
        to++;
      }
      prefix = from > 0 ? "..." : "";
      String suffix = to < text.length() ? "..." : "";
      text = prefix + text.substring(from, to) + suffix;
    }
    StringBuilder marker = new StringBuilder();
    int shown = caret - from + prefix.length();
    for (int i = 0; i < shown && i < text.length(); i++) {
      if (Character.isLowSurrogate(text.charAt(i))) {
        continue; // one column under the whole character
      }
      marker.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    marker.append('^');
    String gutter = String.valueOf(position.line());
    String blank = " ".repeat(gutter.length());
    return " " + gutter + " | " + printable(text) + "\n " + blank + " | " + marker;
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 && c != '\t' ? '\u00b7' : c);
    }
    return out.toString();
  }

  private int[] lineStarts() {
    if (lineStarts == null) {
      int count = 1;
      for (int i = 0; i < content.length(); i++) {
        if (content.charAt(i) == '\n') {
          count++;
        }
      }
      int[] starts = new int[count];
      int next = 1;
      for (int i = 0; i < content.length(); i++) {
        if (content.charAt(i) == '\n') {
          starts[next++] = i + 1;
        }
      }
      lineStarts = starts;
    }
    return lineStarts;
  }
}
