package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.StageStatus;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Goal-gate enforcement at the exit (attractor-spec.md 3.4): every visited node with {@code
 * goal_gate=true} must have ended its last visit with SUCCESS or PARTIAL_SUCCESS.
 */
final class GoalGates {
  private GoalGates() {}

  /**
   * The first unsatisfied gate, in the order the run first completed them.
   *
   * @param outcomes each node's latest status, in first-completion order; a gate run again after a
   *     fix is judged by its new status
   */
  static Optional<Node> firstUnsatisfied(Graph graph, Map<String, StageStatus> outcomes) {
    for (Map.Entry<String, StageStatus> entry : outcomes.entrySet()) {
      Optional<Node> node = graph.node(entry.getKey());
      if (node.isPresent() && node.get().goalGate() && !entry.getValue().isSuccess()) {
        return node;
      }
    }
    return Optional.empty();
  }

  /**
   * Where to jump for an unsatisfied gate: its {@code retry_target}, its {@code
   * fallback_retry_target}, the graph's {@code retry_target}, the graph's {@code
   * fallback_retry_target}; the first that names an existing node.
   */
  static Optional<String> retryTarget(Node gate, Graph graph) {
    return Stream.of(gate.retryTarget(), gate.fallbackRetryTarget(), graph.retryTarget(), graph.fallbackRetryTarget())
        .flatMap(Optional::stream)
        .filter(graph::hasNode)
        .findFirst();
  }
}
