package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code edge_target_exists} (ERROR, attractor-spec.md 7.2): both ends of every edge are nodes.
 *
 * <p>The DOT parser declares every node an edge mentions, so a parsed file always passes; the rule
 * guards graphs built in code or rewritten by transforms (9.1), where a dangling edge would
 * otherwise fail only when the engine follows it.
 */
public final class EdgeTargetExistsRule implements LintRule {
  public static final String NAME = "edge_target_exists";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    NodeIdSuggestions suggestions = new NodeIdSuggestions(graph);
    for (Edge edge : graph.edges()) {
      if (!graph.hasNode(edge.from())) {
        diagnostics.add(dangling(suggestions, edge, edge.from(), "starts at"));
      }
      if (!graph.hasNode(edge.to())) {
        diagnostics.add(dangling(suggestions, edge, edge.to(), "points to"));
      }
    }
    return diagnostics;
  }

  private static Diagnostic dangling(NodeIdSuggestions suggestions, Edge edge, String missing, String verb) {
    String suggestion = Names.didYouMean(suggestions.closest(missing));
    return Diagnostic.error(NAME, "edge " + edge.describe() + " " + verb + " node '" + missing + "', which does not exist"
            + suggestion)
        .edge(edge.from(), edge.to())
        .fix("declare node " + missing + " or connect the edge to an existing node" + suggestion)
        .at(edge.position())
        .build();
  }
}
