package dev.darkfactory.twin.fault;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path or event-type pattern: {@code *} matches within one segment (no {@code /} in paths, no {@code .} in
 * event types), {@code **} matches across segments; everything else is literal.
 */
public final class Glob {

  private final String pattern;
  private final char separator;
  private final Pattern compiled;

  private Glob(String pattern, char separator) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    this.separator = separator;
    this.compiled = compile(pattern, separator);
  }

  public static Glob path(String pattern) {
    return new Glob(pattern, '/');
  }

  public static Glob eventType(String pattern) {
    return new Glob(pattern, '.');
  }

  public boolean matches(String text) {
    return compiled.matcher(text).matches();
  }

  public String pattern() {
    return pattern;
  }

  private static Pattern compile(String pattern, char separator) {
    StringBuilder regex = new StringBuilder();
    String notSeparator = "[^" + Pattern.quote(String.valueOf(separator)) + "]*";
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append(notSeparator);
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Glob glob && glob.pattern.equals(pattern) && glob.separator == separator;
  }

  @Override
  public int hashCode() {
    return Objects.hash(pattern, separator);
  }

  @Override
  public String toString() {
    return pattern;
  }
}
