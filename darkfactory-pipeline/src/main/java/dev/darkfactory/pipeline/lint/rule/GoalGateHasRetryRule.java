package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code goal_gate_has_retry} (WARNING, attractor-spec.md 7.2): a {@code goal_gate=true} node has
 * somewhere to go when it is unsatisfied at exit: its own {@code retry_target} or {@code
 * fallback_retry_target}, or the graph's (3.4 tries all four). Otherwise the run simply fails.
 */
public final class GoalGateHasRetryRule implements LintRule {
  public static final String NAME = "goal_gate_has_retry";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    if (graph.retryTarget().isPresent() || graph.fallbackRetryTarget().isPresent()) {
      return List.of();
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (node.goalGate() && node.retryTarget().isEmpty() && node.fallbackRetryTarget().isEmpty()) {
        diagnostics.add(Diagnostic.warning(NAME, "goal gate " + node.id() + " has no retry_target or fallback_retry_target,"
                + " and the graph sets none: if " + node.id() + " has not succeeded when the run reaches the exit,"
                + " the run fails instead of retrying (attractor-spec.md 3.4)")
            .node(node.id())
            .fix("add retry_target=<node to run again> to " + node.id() + " or to the graph")
            .at(Where.attribute(node.attributes(), "goal_gate", node.position()))
            .build());
      }
    }
    return diagnostics;
  }
}
