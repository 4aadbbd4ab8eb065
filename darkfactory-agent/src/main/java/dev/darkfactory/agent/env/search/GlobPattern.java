package dev.darkfactory.agent.env.search;

import dev.darkfactory.agent.EnvironmentException;
import java.util.regex.Pattern;

/**
 * A compiled glob over {@code /}-separated relative paths. {@code *} and {@code ?} stay within one
 * path component, {@code **} spans components ({@code a/**}{@code /b} also matches {@code a/b}),
 * {@code [abc]}, {@code [!a-z]} and {@code {x,y}} work as in shells and ripgrep.
 *
 * <p>Two matching styles: {@link #path} matches the whole relative path, as a shell does ({@code
 * *.ts} only at the top level; the {@code glob} tool, §3.3); {@link #gitignore} follows {@code
 * .gitignore} rules, where a pattern without a slash matches a file name at any depth (ripgrep's
 * {@code --glob}, hence the {@code grep} tool's {@code glob_filter}).
 */
public final class GlobPattern {
  private final String source;
  private final Pattern regex;

  private GlobPattern(String source, Pattern regex) {
    this.source = source;
    this.regex = regex;
  }

  /** Shell style: the pattern must match the whole relative path. */
  public static GlobPattern path(String glob) {
    String body = glob.startsWith("./") ? glob.substring(2) : glob;
    return new GlobPattern(glob, compile(glob, translate(body)));
  }

  /**
   * {@code .gitignore} style: without a slash (other than a trailing one) the pattern matches the
   * last component at any depth; with one, it is anchored at the base directory.
   */
  public static GlobPattern gitignore(String glob) {
    String body = glob;
    boolean anchored = body.indexOf('/') >= 0;
    if (body.startsWith("/")) {
      body = body.substring(1);
    }
    String translated = translate(body);
    if (!anchored && !body.startsWith("**")) {
      translated = "(?:.*/)?" + translated;
    }
    return new GlobPattern(glob, compile(glob, translated));
  }

  private static Pattern compile(String glob, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new EnvironmentException(
          EnvironmentException.Reason.INVALID_PATTERN,
          "Invalid glob pattern '" + glob + "': " + e.getDescription(),
          e);
    }
  }

  /** Whether {@code relativePath} ({@code /} separators, no leading {@code ./}) matches. */
  public boolean matches(String relativePath) {
    return regex.matcher(relativePath).matches();
  }

  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }

  private static String translate(String glob) {
    StringBuilder out = new StringBuilder();
    int braces = 0;
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            boolean atStart = i == 0 || glob.charAt(i - 1) == '/';
            boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
            if (atStart && slashAfter) {
              out.append("(?:.*/)?");
              i += 3;
            } else {
              out.append(".*");
              i += 2;
            }
            continue;
          }
          out.append("[^/]*");
        }
        case '?' -> out.append("[^/]");
        case '[' -> i = characterClass(glob, i, out) - 1;
        case '{' -> {
          braces++;
          out.append("(?:");
        }
        case '}' -> {
          if (braces > 0) {
            braces--;
            out.append(')');
          } else {
            out.append("\\}");
          }
        }
        case ',' -> out.append(braces > 0 ? "|" : ",");
        case '\\' -> {
          if (i + 1 < glob.length()) {
            out.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
            i++;
          } else {
            out.append("\\\\");
          }
        }
        default -> out.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    if (braces > 0) {
      throw new EnvironmentException(
          EnvironmentException.Reason.INVALID_PATTERN,
          "Invalid glob pattern '" + glob + "': unclosed '{'");
    }
    return out.toString();
  }

  /** Copies {@code [...]} starting at {@code start}; returns the index after it. */
  private static int characterClass(String glob, int start, StringBuilder out) {
    int i = start + 1;
    StringBuilder cls = new StringBuilder("[");
    if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
      cls.append('^');
      i++;
    }
    boolean first = true;
    while (i < glob.length() && (glob.charAt(i) != ']' || first)) {
      char c = glob.charAt(i);
      if (c == '\\' || c == '[' || c == '&' || c == '^' || (c == ']' && first)) {
        cls.append('\\');
      }
      cls.append(c);
      first = false;
      i++;
    }
    if (i >= glob.length()) {
      out.append(Pattern.quote("["));
      return start + 1;
    }
    out.append(cls).append(']');
    return i + 1;
  }
}
