package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** {@code exit_no_outgoing} (ERROR, attractor-spec.md 7.2): no edge leaves an exit node. */
public final class ExitNoOutgoingRule implements LintRule {
  public static final String NAME = "exit_no_outgoing";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Node exit : graph.exitNodes()) {
      for (Edge edge : graph.outgoing(exit.id())) {
        diagnostics.add(Diagnostic.error(NAME, "exit node " + exit.id() + " has an outgoing edge " + edge.describe()
                + ": the run stops at the exit node, so the edge is never followed")
            .node(exit.id())
            .edge(edge.from(), edge.to())
            .fix("remove the edge, or start it from the stage before " + exit.id())
            .at(edge.position())
            .build());
      }
    }
    return diagnostics;
  }
}
