package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code human_gate_choices} (WARNING, extension): a human gate ({@code wait.human}, {@code
 * shape=hexagon}) offers its outgoing edges as choices (4.6), so it needs at least two. With none
 * the stage fails; with one the human has nothing to decide.
 */
public final class HumanGateChoicesRule implements LintRule {
  public static final String NAME = "human_gate_choices";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (!context.handlerType(node).equals(HandlerTypes.WAIT_HUMAN)) {
        continue;
      }
      int choices = graph.outgoing(node.id()).size();
      if (choices < 2) {
        String consequence = choices == 0
            ? "has no outgoing edges, so it offers no choices and the stage fails (attractor-spec.md 4.6)"
            : "has only one outgoing edge, so the human has nothing to choose";
        diagnostics.add(Diagnostic.warning(NAME, "human gate " + node.id() + " " + consequence)
            .node(node.id())
            .fix("add an outgoing edge per choice, labelled like [A] Approve and [F] Fix")
            .at(node.position())
            .build());
      }
    }
    return diagnostics;
  }
}
