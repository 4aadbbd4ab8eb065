package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a parallel branch ended.
 *
 * @param branchId the branch's name: its first node's ID
 * @param outcome the outcome of the branch's last node, or a SKIPPED outcome when it was cancelled
 *     before finishing
 * @param contextUpdates every context value the branch added or changed, engine bookkeeping
 *     ({@code internal.*}, {@code outcome}, {@code preferred_label}, {@code current_node}) left out
 * @param joinNode where the branch stopped because the node joins branches or is the exit; empty
 *     for a branch that ran out of edges or was cancelled
 */
public record BranchResult(
    String branchId,
    int index,
    Outcome outcome,
    List<String> completedNodes,
    Map<String, StageStatus> nodeOutcomes,
    Map<String, Object> contextUpdates,
    Optional<String> joinNode,
    Duration duration,
    boolean cancelled) {

  public BranchResult {
    Objects.requireNonNull(branchId, "branchId");
    Objects.requireNonNull(outcome, "outcome");
    completedNodes = List.copyOf(completedNodes);
    nodeOutcomes = Map.copyOf(nodeOutcomes);
    contextUpdates = Map.copyOf(contextUpdates);
    Objects.requireNonNull(joinNode, "joinNode");
    Objects.requireNonNull(duration, "duration");
  }

  public StageStatus status() {
    return outcome.status();
  }
}
