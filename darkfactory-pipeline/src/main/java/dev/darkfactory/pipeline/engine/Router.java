package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.event.DecisionStep;
import dev.darkfactory.pipeline.event.RoutingDecision;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.handler.HandlerCapability;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides where a traversal goes after a node: edge selection (3.3) for a normal outcome, failure
 * routing (3.7) for FAIL, the handler's own continuation for parallel nodes.
 *
 * <p>FAIL takes 3.7's order first: an edge whose condition held (a fail edge such as {@code
 * outcome=fail}), else the node's {@code retry_target}, else its {@code fallback_retry_target}.
 * Then, as 3.2 selects an edge for every outcome, the unconditional edges (3.3 steps 2-5): the
 * branching example of 2.13 needs a failed stage to flow along its plain edge into a diamond that
 * tests {@code outcome}. Only with no edge at all does the traversal end in failure.
 */
final class Router {
  private Router() {}

  static RoutingDecision route(ActiveRun run, Node node, Outcome outcome, Set<HandlerCapability> capabilities, Context context) {
    boolean fansOut = capabilities.contains(HandlerCapability.FANS_OUT);
    if (outcome.status() == StageStatus.FAIL) {
      RoutingDecision selected = fansOut ? none(node, outcome, "the parallel node failed") : run.edges.select(node, outcome, context);
      return selected.step() == DecisionStep.CONDITION ? selected : failureRoute(run, node, selected);
    }
    if (outcome.continueAt().isPresent()) {
      String target = outcome.continueAt().get();
      return run.graph.hasNode(target)
          ? none(node, outcome, "").redirect(DecisionStep.HANDLER, Optional.of(target), "the handler continues at " + target)
          : none(node, outcome, "the handler named node " + target + ", which is not in the graph");
    }
    if (fansOut) {
      return none(node, outcome, "the branches joined at no node, so the traversal ends here");
    }
    return run.edges.select(node, outcome, context);
  }

  private static RoutingDecision failureRoute(ActiveRun run, Node node, RoutingDecision selected) {
    Optional<String> retry = node.retryTarget().filter(run.graph::hasNode);
    if (retry.isPresent()) {
      return selected.redirect(DecisionStep.RETRY_TARGET, retry, "the stage failed and no fail edge matched; retry_target " + retry.get());
    }
    Optional<String> fallback = node.fallbackRetryTarget().filter(run.graph::hasNode);
    if (fallback.isPresent()) {
      return selected.redirect(DecisionStep.FALLBACK_RETRY_TARGET, fallback,
          "the stage failed, no fail edge matched and there is no retry_target; fallback_retry_target " + fallback.get());
    }
    if (selected.target().isPresent()) {
      return selected;
    }
    return selected.redirect(DecisionStep.NONE, Optional.empty(),
        "the stage failed and has no fail edge, retry_target, fallback_retry_target or other edge");
  }

  private static RoutingDecision none(Node node, Outcome outcome, String detail) {
    return new RoutingDecision(node.id(), outcome.status(), outcome.preferredLabel(), outcome.suggestedNextIds(), List.of(),
        DecisionStep.NONE, Optional.empty(), Optional.empty(), detail);
  }
}
