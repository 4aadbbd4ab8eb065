package dev.darkfactory.pipeline.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A serialisable snapshot of a run's progress (attractor-spec.md 5.3), written after every node.
 *
 * <p>Beyond the spec's fields ({@code timestamp}, {@code current_node}, {@code completed_nodes},
 * {@code node_retries}, {@code context}, {@code logs}) it carries what exact resumption needs: the
 * run it belongs to and a fingerprint of the graph (resume refuses others), the node to execute
 * next and the edge that leads there (edge {@code fidelity}/{@code thread_id} apply to it), every
 * node's last status (goal gates, 3.4), the visit and execution counts (bounds, scripted runs),
 * and how the run ended.
 *
 * @param currentNode the last completed node, or an empty string before the first
 * @param nodeOutcomes each node's latest status, in the order the nodes were first completed
 * @param next where execution continues; empty once the run has finished
 * @param nodeExecutions handler invocations per node, retries included
 * @param stageCount stage executions so far in the run (event indexes continue from it)
 * @param lastFidelity the fidelity the last completed LLM stage used (5.3 resume step 6)
 */
public record Checkpoint(
    String runId,
    String graphFingerprint,
    Instant timestamp,
    RunStatus status,
    String currentNode,
    Optional<NextStep> next,
    List<String> completedNodes,
    Map<String, StageStatus> nodeOutcomes,
    Map<String, Integer> nodeRetries,
    Map<String, Integer> nodeVisits,
    Map<String, Integer> nodeExecutions,
    int stageCount,
    int goalGateRetries,
    Optional<FidelityMode> lastFidelity,
    Map<String, Object> contextValues,
    List<String> logs,
    Optional<Outcome> finalOutcome,
    Optional<StopReason> stopReason,
    Optional<String> restartedInto) implements CheckpointContent {

  public static final String FILE_NAME = "checkpoint.json";

  public Checkpoint {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(graphFingerprint, "graphFingerprint");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(currentNode, "currentNode");
    Objects.requireNonNull(next, "next");
    completedNodes = List.copyOf(completedNodes);
    nodeOutcomes = ordered(nodeOutcomes);
    nodeRetries = ordered(nodeRetries);
    nodeVisits = ordered(nodeVisits);
    nodeExecutions = ordered(nodeExecutions);
    Objects.requireNonNull(lastFidelity, "lastFidelity");
    contextValues = ContextValues.normalizeAll(contextValues);
    logs = List.copyOf(logs);
    Objects.requireNonNull(finalOutcome, "finalOutcome");
    Objects.requireNonNull(stopReason, "stopReason");
    Objects.requireNonNull(restartedInto, "restartedInto");
  }

  /** Execution counts that differ from the node's occurrences in {@link #completedNodes}: all the file keeps of them. */
  @Override
  public Map<String, Integer> unimpliedExecutions() {
    Map<String, Integer> occurrences = new java.util.HashMap<>();
    completedNodes.forEach(id -> occurrences.merge(id, 1, Integer::sum));
    Map<String, Integer> unimplied = new java.util.LinkedHashMap<>();
    nodeExecutions.forEach((id, count) -> {
      if (!count.equals(occurrences.getOrDefault(id, 0))) {
        unimplied.put(id, count);
      }
    });
    return java.util.Collections.unmodifiableMap(unimplied);
  }

  /** An unmodifiable copy that keeps the order (node outcomes are in first-completion order, which goal gates use). */
  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
  }

  /**
   * Where execution continues.
   *
   * @param nodeId the node to execute next
   * @param viaEdgeIndex the index, among the outgoing edges of {@code fromNode}, of the edge taken;
   *     negative for a jump that used no edge (retry targets, goal gates, the start)
   */
  public record NextStep(String nodeId, String fromNode, int viaEdgeIndex) {
    public NextStep {
      Objects.requireNonNull(nodeId, "nodeId");
      Objects.requireNonNull(fromNode, "fromNode");
    }

    public static NextStep jump(String nodeId) {
      return new NextStep(nodeId, "", -1);
    }

    public boolean viaEdge() {
      return viaEdgeIndex >= 0;
    }
  }
}
