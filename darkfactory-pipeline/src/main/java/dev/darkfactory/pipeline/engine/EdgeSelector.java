package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.condition.Condition;
import dev.darkfactory.pipeline.condition.ConditionEvaluator;
import dev.darkfactory.pipeline.condition.ConditionParser;
import dev.darkfactory.pipeline.event.DecisionStep;
import dev.darkfactory.pipeline.event.EdgeCandidate;
import dev.darkfactory.pipeline.event.RoutingDecision;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.EdgeLabels;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.problem.ConditionSyntaxException;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the next edge after a node (attractor-spec.md 3.3), and records why:
 *
 * <ol>
 *   <li>edges whose condition holds, best by weight then target ID;
 *   <li>else the first unconditional edge whose label matches the preferred label (both normalised:
 *       lower case, trimmed, accelerator prefix such as {@code [Y] } removed);
 *   <li>else the first unconditional edge to a suggested next ID, in the order suggested;
 *   <li>else the unconditional edge with the highest weight;
 *   <li>with equal weights, the one whose target ID sorts first.
 * </ol>
 *
 * Conditions are parsed once per graph. Every condition is evaluated, even after one holds, so the
 * audit shows all of them. Pure: no state changes, no events.
 */
public final class EdgeSelector {
  private static final Comparator<EdgeCandidate> BEST = Comparator
      .comparingLong(EdgeCandidate::weight).reversed()
      .thenComparing(EdgeCandidate::to);

  private final Graph graph;
  private final Map<String, List<Guard>> guards = new HashMap<>();

  /** An edge's parsed condition; a condition that does not parse never holds (lint reports it as an error). */
  private record Guard(Optional<Condition> condition) {
    static Guard of(Edge edge) {
      if (!edge.hasCondition()) {
        return new Guard(Optional.empty());
      }
      try {
        return new Guard(Optional.of(ConditionParser.parse(edge.condition())));
      } catch (ConditionSyntaxException e) {
        return new Guard(Optional.empty());
      }
    }
  }

  public EdgeSelector(Graph graph) {
    this.graph = graph;
    for (Node node : graph.nodes()) {
      guards.put(node.id(), graph.outgoing(node.id()).stream().map(Guard::of).toList());
    }
  }

  public RoutingDecision select(Node node, Outcome outcome, Context context) {
    List<Edge> edges = graph.outgoing(node.id());
    List<EdgeCandidate> candidates = evaluate(node, edges, new OutcomeInputs(outcome, context));
    if (edges.isEmpty()) {
      return decision(node, outcome, candidates, DecisionStep.NONE, null, "no outgoing edges");
    }
    List<EdgeCandidate> held = candidates.stream().filter(EdgeCandidate::conditionHeld).toList();
    if (!held.isEmpty()) {
      EdgeCandidate best = held.stream().min(BEST).orElseThrow();
      String detail = held.size() == 1
          ? "\"" + best.condition() + "\" held"
          : held.size() + " conditions held; highest weight, then first target ID";
      return decision(node, outcome, candidates, DecisionStep.CONDITION, best, detail);
    }
    List<EdgeCandidate> unconditional = candidates.stream().filter(c -> c.condition().isEmpty()).toList();
    if (!outcome.preferredLabel().isEmpty()) {
      String wanted = EdgeLabels.normalize(outcome.preferredLabel());
      for (EdgeCandidate c : unconditional) {
        if (EdgeLabels.normalize(c.label()).equals(wanted)) {
          return decision(node, outcome, candidates, DecisionStep.PREFERRED_LABEL, c,
              "\"" + outcome.preferredLabel() + "\" matched edge label \"" + c.label() + "\"");
        }
      }
    }
    for (String id : outcome.suggestedNextIds()) {
      for (EdgeCandidate c : unconditional) {
        if (c.to().equals(id)) {
          return decision(node, outcome, candidates, DecisionStep.SUGGESTED_IDS, c, "the outcome suggested " + id);
        }
      }
    }
    if (unconditional.isEmpty()) {
      return decision(node, outcome, candidates, DecisionStep.NONE, null, "no condition held and there is no unconditional edge");
    }
    EdgeCandidate best = unconditional.stream().min(BEST).orElseThrow();
    long tied = unconditional.stream().filter(c -> c.weight() == best.weight()).count();
    return tied > 1
        ? decision(node, outcome, candidates, DecisionStep.LEXICAL, best, tied + " edges of weight " + best.weight() + "; " + best.to() + " sorts first")
        : decision(node, outcome, candidates, DecisionStep.WEIGHT, best,
            unconditional.size() == 1 ? "the only unconditional edge" : "highest weight, " + best.weight());
  }

  private List<EdgeCandidate> evaluate(Node node, List<Edge> edges, OutcomeInputs inputs) {
    List<Guard> parsed = guards.getOrDefault(node.id(), List.of());
    List<EdgeCandidate> candidates = new ArrayList<>(edges.size());
    for (int i = 0; i < edges.size(); i++) {
      Edge edge = edges.get(i);
      Guard guard = i < parsed.size() ? parsed.get(i) : Guard.of(edge);
      candidates.add(new EdgeCandidate(i, edge.to(), edge.label(), edge.condition(), edge.weight(),
          guard.condition().map(c -> ConditionEvaluator.explain(c, inputs))));
    }
    return candidates;
  }

  private static RoutingDecision decision(Node node, Outcome outcome, List<EdgeCandidate> candidates, DecisionStep step,
      EdgeCandidate chosen, String detail) {
    return new RoutingDecision(node.id(), outcome.status(), outcome.preferredLabel(), outcome.suggestedNextIds(), candidates, step,
        Optional.ofNullable(chosen).map(EdgeCandidate::index), Optional.ofNullable(chosen).map(EdgeCandidate::to), detail);
  }
}
