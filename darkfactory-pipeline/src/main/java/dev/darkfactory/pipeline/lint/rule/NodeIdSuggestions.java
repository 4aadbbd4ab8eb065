package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.graph.Spelling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Did you mean" among a graph's node IDs, at bounded cost. Each suggestion scans every ID, so a
 * generated graph with thousands of dangling references would make validation quadratic; after
 * {@link #BUDGET} distinct misses the remaining ones get no suggestion. Create one per rule run.
 */
final class NodeIdSuggestions {
  static final int BUDGET = 100;

  private final List<String> ids;
  private final Map<String, Optional<String>> answered = new HashMap<>();

  NodeIdSuggestions(Graph graph) {
    ids = new ArrayList<>(graph.nodes().size());
    for (Node node : graph.nodes()) {
      ids.add(node.id());
    }
  }

  Optional<String> closest(String missing) {
    Optional<String> known = answered.get(missing);
    if (known != null) {
      return known;
    }
    if (answered.size() >= BUDGET) {
      return Optional.empty();
    }
    Optional<String> suggestion = Spelling.closest(missing, ids);
    answered.put(missing, suggestion);
    return suggestion;
  }
}
