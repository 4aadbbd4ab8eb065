package dev.darkfactory.agent.edit;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * Finds a run of lines in a file, exactly first and then with growing tolerance: trailing
 * whitespace, surrounding whitespace, then Unicode punctuation and space variants folded to ASCII
 * (coding-agent-loop-spec Appendix A "Hunk Matching", §3.3 {@code edit_file} fuzzy matching).
 * Models often retype a line with a different indent or a typographic quote; this recovers those
 * edits without accepting a different line.
 */
public final class LineMatcher {

  /** How loosely lines were compared, strictest first. */
  public enum Level {
    EXACT(line -> line),
    TRAILING_WHITESPACE(String::stripTrailing),
    SURROUNDING_WHITESPACE(String::strip),
    NORMALIZED(line -> collapse(fold(line)));

    private final UnaryOperator<String> normalize;

    Level(UnaryOperator<String> normalize) {
      this.normalize = normalize;
    }

    String apply(String line) {
      return normalize.apply(line);
    }
  }

  /** Where the pattern was found and how loosely. */
  public record Match(int index, Level level) {}

  private LineMatcher() {}

  /**
   * The first index at or after {@code start} where {@code pattern} occurs, trying each level in
   * turn. With {@code endOfFile}, a match ending at the last line is preferred (Appendix A {@code
   * *** End of File}).
   */
  public static java.util.Optional<Match> seek(List<String> lines, List<String> pattern, int start, boolean endOfFile) {
    if (pattern.isEmpty()) {
      return java.util.Optional.of(new Match(Math.min(start, lines.size()), Level.EXACT));
    }
    for (Level level : Level.values()) {
      if (endOfFile) {
        int atEnd = lines.size() - pattern.size();
        if (atEnd >= start && matchesAt(lines, pattern, atEnd, level)) {
          return java.util.Optional.of(new Match(atEnd, level));
        }
      }
      OptionalInt index = find(lines, pattern, start, level);
      if (index.isPresent()) {
        return java.util.Optional.of(new Match(index.getAsInt(), level));
      }
    }
    return java.util.Optional.empty();
  }

  /** How many places match at {@code level}, counting from {@code start}. */
  public static int count(List<String> lines, List<String> pattern, int start, Level level) {
    int count = 0;
    for (int i = Math.max(0, start); i + pattern.size() <= lines.size(); i++) {
      if (matchesAt(lines, pattern, i, level)) {
        count++;
      }
    }
    return count;
  }

  private static OptionalInt find(List<String> lines, List<String> pattern, int start, Level level) {
    for (int i = Math.max(0, start); i + pattern.size() <= lines.size(); i++) {
      if (matchesAt(lines, pattern, i, level)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  private static boolean matchesAt(List<String> lines, List<String> pattern, int at, Level level) {
    for (int j = 0; j < pattern.size(); j++) {
      if (!level.apply(lines.get(at + j)).equals(level.apply(pattern.get(j)))) {
        return false;
      }
    }
    return true;
  }

  /** Typographic dashes, quotes and spaces folded to their ASCII forms. */
  static String fold(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      out.append(
          switch (c) {
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            case '\u2018', '\u2019', '\u201A', '\u201B' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F' -> '"';
            case '\u00A0', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008',
                '\u2009', '\u200A', '\u202F', '\u205F', '\u3000' -> ' ';
            default -> c;
          });
    }
    return out.toString();
  }

  /** Runs of whitespace as one space, ends trimmed. */
  private static String collapse(String line) {
    return line.strip().replaceAll("\\s+", " ");
  }
}
