package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.List;

/**
 * {@code start_node} (ERROR, attractor-spec.md 7.2): exactly one start node, found by {@code
 * shape=Mdiamond} (or {@code type=start}), else by the ID {@code start} or {@code Start}.
 */
public final class StartNodeRule implements LintRule {
  public static final String NAME = "start_node";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Node> starts = graph.startNodes();
    if (starts.isEmpty()) {
      return List.of(Diagnostic.error(NAME, "the pipeline has no start node: exactly one node must have shape=Mdiamond"
              + " (or the ID start)")
          .fix("add start [shape=Mdiamond] and an edge from it to the first stage")
          .at(graph.position())
          .build());
    }
    if (starts.size() > 1) {
      Node extra = starts.get(1);
      return List.of(Diagnostic.error(NAME, "the pipeline has " + starts.size() + " start nodes ("
              + Names.list(starts.stream().map(Node::id).toList()) + "): exactly one is allowed")
          .node(extra.id())
          .fix("keep " + starts.getFirst().id() + " as the only start node and give the others another shape")
          .at(extra.position())
          .build());
    }
    return List.of();
  }
}
