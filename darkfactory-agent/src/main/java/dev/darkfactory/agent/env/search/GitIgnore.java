package dev.darkfactory.agent.env.search;

import dev.darkfactory.agent.EnvironmentException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one {@code .gitignore} file (gitignore(5)): comments, negation with {@code !},
 * directory-only patterns ending in {@code /}, patterns anchored by a slash, {@code **}. Paths are
 * given relative to the directory holding the file. Within a file the last matching rule wins.
 */
public final class GitIgnore {

  /** What the rules say about a path. */
  public enum Verdict {
    IGNORED,
    /** Re-included by a {@code !} rule. */
    INCLUDED,
    /** No rule matches. */
    NONE
  }

  private record Rule(GlobPattern pattern, boolean negated, boolean directoryOnly) {}

  private final List<Rule> rules;

  private GitIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static GitIgnore parse(String content) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : content.split("\r?\n", -1)) {
      parseLine(raw).ifPresent(rules::add);
    }
    return new GitIgnore(rules);
  }

  private static java.util.Optional<Rule> parseLine(String raw) {
    String line = trimTrailingSpaces(raw);
    if (line.isEmpty() || line.startsWith("#")) {
      return java.util.Optional.empty();
    }
    boolean negated = false;
    if (line.startsWith("!")) {
      negated = true;
      line = line.substring(1);
    } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
      line = line.substring(1);
    }
    boolean directoryOnly = line.endsWith("/");
    if (directoryOnly) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(new Rule(GlobPattern.gitignore(line), negated, directoryOnly));
    } catch (EnvironmentException invalid) {
      return java.util.Optional.empty(); // git ignores patterns it cannot parse
    }
  }

  /** Trailing spaces are dropped unless escaped with a backslash. */
  private static String trimTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
      end--;
    }
    return line.substring(0, end);
  }

  /** The verdict for {@code relativePath} (relative to this file's directory). */
  public Verdict match(String relativePath, boolean isDirectory) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule rule = rules.get(i);
      if (rule.directoryOnly && !isDirectory) {
        continue;
      }
      if (rule.pattern.matches(relativePath)) {
        return rule.negated ? Verdict.INCLUDED : Verdict.IGNORED;
      }
    }
    return Verdict.NONE;
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }
}
