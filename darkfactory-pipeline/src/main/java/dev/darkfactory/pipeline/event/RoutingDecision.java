package dev.darkfactory.pipeline.event;

import dev.darkfactory.pipeline.state.StageStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a run went where it went after one node: the outcome that was routed, every outgoing edge
 * with its evaluated condition, the rule that decided, and the result. The engine records one per
 * completed node, as a {@link PipelineEvent.EdgeSelected} event and a line of {@code events.jsonl}.
 *
 * @param chosenEdge the index of the edge taken among {@code candidates}; empty for jumps and ends
 * @param target the node execution continues at; empty when the traversal ends
 * @param detail a sentence for people, e.g. "preferred label 'approve' matched edge to ship"
 */
public record RoutingDecision(
    String fromNode,
    StageStatus outcome,
    String preferredLabel,
    List<String> suggestedNextIds,
    List<EdgeCandidate> candidates,
    DecisionStep step,
    Optional<Integer> chosenEdge,
    Optional<String> target,
    String detail) {

  public RoutingDecision {
    Objects.requireNonNull(fromNode, "fromNode");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(preferredLabel, "preferredLabel");
    suggestedNextIds = List.copyOf(suggestedNextIds);
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(chosenEdge, "chosenEdge");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
  }

  /** The same decision with a different rule and target: failure routing after edge selection found nothing. */
  public RoutingDecision redirect(DecisionStep newStep, Optional<String> newTarget, String newDetail) {
    return new RoutingDecision(fromNode, outcome, preferredLabel, suggestedNextIds, candidates, newStep, Optional.empty(), newTarget, newDetail);
  }
}
