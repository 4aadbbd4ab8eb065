package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** {@code start_no_incoming} (ERROR, attractor-spec.md 7.2): no edge leads into a start node. */
public final class StartNoIncomingRule implements LintRule {
  public static final String NAME = "start_no_incoming";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Node start : graph.startNodes()) {
      for (Edge edge : graph.incoming(start.id())) {
        diagnostics.add(Diagnostic.error(NAME, "start node " + start.id() + " has an incoming edge " + edge.describe()
                + ": the start node must have no incoming edges")
            .node(start.id())
            .edge(edge.from(), edge.to())
            .fix("point the edge at the first stage after " + start.id() + " instead")
            .at(edge.position())
            .build());
      }
    }
    return diagnostics;
  }
}
