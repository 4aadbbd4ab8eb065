package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.condition.Clause;
import dev.darkfactory.pipeline.condition.Condition;
import dev.darkfactory.pipeline.condition.ConditionEvaluator;
import dev.darkfactory.pipeline.condition.ConditionInputs;
import dev.darkfactory.pipeline.condition.ConditionKey;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.ConditionSyntaxException;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code success_dead_end} (WARNING, extension): a node whose outgoing edges all carry conditions
 * on {@code outcome}, none of which holds when the node succeeds. Edge selection then finds no edge
 * (3.3) and the run ends there (3.2) without reaching an exit, which reads as a finished run.
 * Conditions that read the context or the preferred label cannot be decided here and are left alone.
 */
public final class SuccessDeadEndRule implements LintRule {
  public static final String NAME = "success_dead_end";
  private static final ConditionInputs SUCCEEDED = ConditionInputs.of("success", "", Map.of());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Node node : graph.nodes()) {
      List<Edge> edges = graph.outgoing(node.id());
      if (edges.isEmpty() || graph.isExit(node)) {
        continue;
      }
      Optional<Boolean> anyHolds = anyHoldsOnSuccess(edges, context);
      if (anyHolds.isPresent() && !anyHolds.get()) {
        diagnostics.add(Diagnostic.warning(NAME, "when node " + node.id() + " succeeds, none of its edges applies ("
                + String.join(", ", edges.stream().map(e -> e.describe() + " [" + e.condition() + "]").toList())
                + "), so the run ends at " + node.id() + " without reaching an exit")
            .node(node.id())
            .fix("add an edge without a condition from " + node.id() + " as its default route, or one with condition=\"outcome=success\"")
            .at(node.position())
            .build());
      }
    }
    return diagnostics;
  }

  /** Whether some edge's condition holds for a success; empty when that depends on more than the outcome. */
  private static Optional<Boolean> anyHoldsOnSuccess(List<Edge> edges, LintContext context) {
    boolean holds = false;
    for (Edge edge : edges) {
      if (edge.condition().isBlank()) {
        return Optional.empty(); // an unconditional edge is always a route
      }
      Condition condition;
      try {
        condition = context.conditions().parse(edge.condition());
      } catch (ConditionSyntaxException invalid) {
        return Optional.empty(); // condition_syntax reports it
      }
      for (Clause clause : condition.clauses()) {
        if (!(clause.key() instanceof ConditionKey.OutcomeStatus)) {
          return Optional.empty();
        }
      }
      holds |= ConditionEvaluator.evaluate(condition, SUCCEEDED);
    }
    return Optional.of(holds);
  }
}
