package dev.darkfactory.agent.env.search;

import java.util.List;

/**
 * Finds matching lines. Both engines return identical results for the same tree (see {@link
 * dev.darkfactory.agent.env.GrepOptions} for the shared semantics).
 */
public sealed interface GrepEngine permits RipgrepEngine, JavaGrepEngine {

  /**
   * The result lines in path order ({@code path:line:text}, {@code path} or {@code path:count} per
   * the output mode), at most {@code maxResults + 1} of them so callers can tell the list was cut.
   */
  List<String> search(GrepQuery query);

  /** A name for logs and benchmarks. */
  String name();

  /** ripgrep when installed, else the Java engine. */
  static GrepEngine detect() {
    return detect(System.getenv("PATH"));
  }

  /** ripgrep when found on {@code pathVariable}, else the Java engine. */
  static GrepEngine detect(String pathVariable) {
    return RipgrepEngine.find(pathVariable).<GrepEngine>map(rg -> rg).orElseGet(JavaGrepEngine::new);
  }
}
