package dev.darkfactory.agent.env.search;

import java.util.List;

/** Renders search results for the model; shared by both engines, so their output is identical. */
public final class GrepResults {
  private GrepResults() {}

  public static String render(List<String> lines, int maxResults) {
    if (lines.isEmpty()) {
      return "No matches found.";
    }
    if (lines.size() <= maxResults) {
      return String.join("\n", lines);
    }
    return String.join("\n", lines.subList(0, maxResults))
        + "\n[Showing the first "
        + maxResults
        + " results; there are more. Narrow the search with path or glob_filter, or raise"
        + " max_results.]";
  }
}
