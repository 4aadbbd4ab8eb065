package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Node;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Wording shared by the rules: "did you mean", lists of node IDs. */
final class Names {
  private static final int LISTED = 5;

  private Names() {}

  /** {@code " (did you mean 'x'?)"}, or an empty string. */
  static String didYouMean(Optional<String> suggestion) {
    return suggestion.map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  /** {@code a}, {@code a and b}, {@code a, b, c, d, e and 3 more}. */
  static String list(Collection<String> items) {
    List<String> all = List.copyOf(items);
    if (all.size() == 1) {
      return all.getFirst();
    }
    if (all.size() <= LISTED) {
      return String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.getLast();
    }
    return String.join(", ", all.subList(0, LISTED)) + " and " + (all.size() - LISTED) + " more";
  }

  /** {@code node a} or {@code nodes a and b}. */
  static String nodes(List<Node> nodes) {
    List<String> ids = nodes.stream().map(Node::id).toList();
    return (ids.size() == 1 ? "node " : "nodes ") + list(ids);
  }
}
