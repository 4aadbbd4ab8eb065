package dev.darkfactory.agent.env;

import java.util.Objects;
import java.util.Optional;

/**
 * How to search (coding-agent-loop-spec §3.3 {@code grep}). Whatever the engine (ripgrep or the
 * Java fallback), the results are the same: hidden files and directories are skipped, {@code
 * .gitignore} rules apply inside a git repository, binary files are skipped, symbolic links are not
 * followed, and results are sorted by path.
 *
 * @param globFilter only files whose name (or, for a pattern with {@code /}, relative path)
 *     matches
 * @param maxResults the most lines (content), files or counts to return
 * @param outputMode content lines, matching file names, or match counts per file (the Anthropic
 *     profile's output modes, §3.5)
 */
public record GrepOptions(
    Optional<String> globFilter, boolean caseInsensitive, int maxResults, OutputMode outputMode) {

  /** The spec's default {@code max_results}. */
  public static final int DEFAULT_MAX_RESULTS = 100;

  /** What each result line holds. */
  public enum OutputMode {
    /** {@code path:line:text} per matching line. */
    CONTENT,
    /** One matching file path per line. */
    FILES_WITH_MATCHES,
    /** {@code path:count} per matching file. */
    COUNT
  }

  public GrepOptions {
    Objects.requireNonNull(globFilter, "globFilter");
    Objects.requireNonNull(outputMode, "outputMode");
    if (maxResults < 1) {
      throw new IllegalArgumentException("maxResults must be at least 1: " + maxResults);
    }
  }

  public static GrepOptions defaults() {
    return new GrepOptions(Optional.empty(), false, DEFAULT_MAX_RESULTS, OutputMode.CONTENT);
  }

  public GrepOptions withGlobFilter(String value) {
    return new GrepOptions(Optional.ofNullable(value), caseInsensitive, maxResults, outputMode);
  }

  public GrepOptions withCaseInsensitive(boolean value) {
    return new GrepOptions(globFilter, value, maxResults, outputMode);
  }

  public GrepOptions withMaxResults(int value) {
    return new GrepOptions(globFilter, caseInsensitive, value, outputMode);
  }

  public GrepOptions withOutputMode(OutputMode value) {
    return new GrepOptions(globFilter, caseInsensitive, maxResults, value);
  }
}
