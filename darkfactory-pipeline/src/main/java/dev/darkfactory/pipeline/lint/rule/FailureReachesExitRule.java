package dev.darkfactory.pipeline.lint.rule;

import dev.darkfactory.pipeline.condition.ClauseTrace;
import dev.darkfactory.pipeline.condition.Condition;
import dev.darkfactory.pipeline.condition.ConditionEvaluator;
import dev.darkfactory.pipeline.condition.ConditionInputs;
import dev.darkfactory.pipeline.condition.ConditionKey;
import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.lint.LintContext;
import dev.darkfactory.pipeline.lint.LintRule;
import dev.darkfactory.pipeline.problem.ConditionSyntaxException;
import dev.darkfactory.pipeline.problem.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code failure_reaches_exit} (WARNING, extension): a stage whose failure nothing handles and
 * whose unconditional edge leads to an exit, directly or through conditional nodes that pass its
 * status on along unconditional edges. When it fails, failure routing (3.7) finds no fail edge
 * or retry target, edge selection (3.3) takes the plain edge, and the run reaches its exit: a
 * success by 3.2, although the stage's work did not happen. The engine ends such a run {@code
 * success_with_failures}; this rule points at the edge before it runs.
 *
 * <p>A failure is handled by an edge whose condition tests {@code outcome} and holds for {@code
 * fail} ({@code outcome=fail}, {@code outcome!=success}), a {@code retry_target} or {@code
 * fallback_retry_target}, or {@code goal_gate=true} (the gate is checked at the exit). Nodes that
 * cannot fail are not reported: start, exit, conditional nodes (they pass the previous status
 * through, so the rule looks through them), parallel nodes (their edges start branches, they do
 * not route) and the nodes inside parallel branches (a failed branch is its parallel node's
 * outcome, not a stage the run passes over). Every other handler can fail, custom ones included.
 */
public final class FailureReachesExitRule implements LintRule {
  public static final String NAME = "failure_reaches_exit";
  private static final ConditionInputs FAILED = ConditionInputs.of("fail", "", Map.of());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Diagnostic> apply(Graph graph, LintContext context) {
    Set<String> inBranches = branchNodes(graph, context);
    Optional<String> start = graph.startNode().map(Node::id); // once: finding it scans the nodes
    Map<String, Optional<List<String>>> throughConditionals = new HashMap<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Node node : graph.nodes()) {
      if (start.map(node.id()::equals).orElse(false) || !canFail(graph, node, context) || inBranches.contains(node.id())
          || handlesFailure(graph, node, context)) {
        continue;
      }
      for (Edge edge : graph.outgoing(node.id())) {
        if (!edge.condition().isBlank()) {
          continue;
        }
        Optional<List<String>> path = toExit(graph, edge.to(), context, throughConditionals, new HashSet<>());
        if (path.isPresent()) {
          diagnostics.add(diagnostic(node, path.get()));
          break;
        }
      }
    }
    return diagnostics;
  }

  private static Diagnostic diagnostic(Node node, List<String> path) {
    String route = node.id() + " -> " + String.join(" -> ", path);
    String exit = path.getLast();
    String firstHop = node.id() + " -> " + path.getFirst();
    return Diagnostic.warning(NAME, "when node " + node.id() + " fails, nothing handles it: the run follows the edge without a"
            + " condition " + route + " to the exit and ends success_with_failures, as if " + node.id() + " had done its work")
        .node(node.id())
        .fix("give " + firstHop + " condition=\"outcome=success\" so a failure ends the run as failed, or route the failure: an edge from "
            + node.id() + " with condition=\"outcome=fail\", a retry_target, or goal_gate=true (exit: " + exit + ")")
        .at(node.position())
        .build();
  }

  /** Exit, conditional and parallel nodes (and the start node, checked by the caller) cannot fail, or do not route; every other handler can. */
  private static boolean canFail(Graph graph, Node node, LintContext context) {
    if (graph.isExit(node)) {
      return false;
    }
    String type = context.handlerType(node);
    return !type.equals(HandlerTypes.START) && !type.equals(HandlerTypes.EXIT) && !type.equals(HandlerTypes.CONDITIONAL)
        && !type.equals(HandlerTypes.PARALLEL);
  }

  /** A goal gate, a retry target, or an edge that routes a failure. */
  private static boolean handlesFailure(Graph graph, Node node, LintContext context) {
    return node.goalGate() || node.retryTarget().isPresent() || node.fallbackRetryTarget().isPresent()
        || routesAFailure(graph, node, context);
  }

  /**
   * Some edge's condition tests {@code outcome} and every clause on it holds for {@code fail};
   * clauses on the context or the label cannot be decided here and do not count against it.
   */
  private static boolean routesAFailure(Graph graph, Node node, LintContext context) {
    for (Edge edge : graph.outgoing(node.id())) {
      if (edge.condition().isBlank()) {
        continue;
      }
      Condition condition;
      try {
        condition = context.conditions().parse(edge.condition());
      } catch (ConditionSyntaxException invalid) {
        return true; // condition_syntax reports it; do not guess what was meant
      }
      List<ClauseTrace> onOutcome = ConditionEvaluator.explain(condition, FAILED).clauses().stream()
          .filter(trace -> trace.clause().key() instanceof ConditionKey.OutcomeStatus)
          .toList();
      if (!onOutcome.isEmpty() && onOutcome.stream().allMatch(ClauseTrace::result)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The nodes from {@code id} to an exit along which a failed status travels unchanged: the exit
   * itself, or conditional nodes that do not route the failure and pass it on along an edge without
   * a condition. Empty when another stage runs first (it replaces the outcome) or the route ends.
   */
  private static Optional<List<String>> toExit(Graph graph, String id, LintContext context, Map<String, Optional<List<String>>> memo,
      Set<String> visiting) {
    Optional<Node> found = graph.node(id);
    if (found.isEmpty()) {
      return Optional.empty(); // edge_target_exists reports it
    }
    Node node = found.get();
    if (graph.isExit(node)) {
      return Optional.of(List.of(id));
    }
    if (!context.handlerType(node).equals(HandlerTypes.CONDITIONAL) || !visiting.add(id)) {
      return Optional.empty();
    }
    if (memo.containsKey(id)) {
      return memo.get(id);
    }
    Optional<List<String>> result = Optional.empty();
    if (!routesAFailure(graph, node, context)) {
      for (Edge edge : graph.outgoing(id)) {
        if (edge.condition().isBlank()) {
          Optional<List<String>> rest = toExit(graph, edge.to(), context, memo, visiting);
          if (rest.isPresent()) {
            List<String> path = new ArrayList<>(List.of(id));
            path.addAll(rest.get());
            result = Optional.of(List.copyOf(path));
            break;
          }
        }
      }
    }
    memo.put(id, result);
    return result;
  }

  /**
   * Nodes a parallel node's branches run: from each of its edges' targets up to a node that joins
   * branches (a fan-in) or an exit, which the run continues at instead.
   */
  private static Set<String> branchNodes(Graph graph, LintContext context) {
    Set<String> inBranches = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    for (Node node : graph.nodes()) {
      if (context.handlerType(node).equals(HandlerTypes.PARALLEL)) {
        graph.outgoing(node.id()).forEach(edge -> queue.add(edge.to()));
      }
    }
    while (!queue.isEmpty()) {
      String id = queue.poll();
      Optional<Node> node = graph.node(id);
      if (node.isEmpty() || graph.isExit(node.get()) || context.handlerType(node.get()).equals(HandlerTypes.FAN_IN) || !inBranches.add(id)) {
        continue;
      }
      graph.outgoing(id).forEach(edge -> queue.add(edge.to()));
    }
    return inBranches;
  }
}
