package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.graph.Edge;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.Checkpoint.NextStep;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.FidelityMode;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StageStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress of one traversal (the run's top level, or one parallel branch): what the spec's
 * loop keeps in local variables (3.2), plus visit counts and where to go next. Owned by one
 * thread. The lists and maps it hands out are views that stay the same objects for the life of
 * the state, so a checkpoint store can tell that it is saving the same progress again and encode
 * only what was added ({@link dev.darkfactory.pipeline.state.CheckpointContent}).
 */
final class TraversalState {
  private final Context context;
  private final List<String> completed;
  private final Map<String, StageStatus> outcomes;
  private final Map<String, Integer> retries;
  private final Map<String, Integer> visits;
  private int goalGateRetries;
  private Optional<FidelityMode> lastFidelity;
  private boolean degradeFullOnce;
  private String currentNode;
  private NextStep next;
  private Optional<Outcome> lastOutcome = Optional.empty();
  private final List<String> completedView;
  private final Map<String, StageStatus> outcomesView;
  private final Map<String, Integer> retriesView;

  private TraversalState(Context context, List<String> completed, Map<String, StageStatus> outcomes, Map<String, Integer> retries,
      Map<String, Integer> visits, int goalGateRetries, Optional<FidelityMode> lastFidelity, String currentNode, NextStep next) {
    this.context = context;
    this.completed = completed;
    this.outcomes = outcomes;
    this.retries = retries;
    this.visits = visits;
    this.goalGateRetries = goalGateRetries;
    this.lastFidelity = lastFidelity;
    this.currentNode = currentNode;
    this.next = next;
    this.completedView = Collections.unmodifiableList(completed);
    this.outcomesView = Collections.unmodifiableMap(outcomes);
    this.retriesView = Collections.unmodifiableMap(retries);
  }

  static TraversalState start(Context context, String startNode) {
    return new TraversalState(context, new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), 0,
        Optional.empty(), "", NextStep.jump(startNode));
  }

  /**
   * The state a checkpoint describes (5.3 resume steps 2-5). When the last completed stage used
   * {@code full} fidelity, the first resumed stage is degraded (step 6).
   */
  static TraversalState resume(Checkpoint checkpoint) {
    NextStep next = checkpoint.next().orElseThrow(() -> new IllegalArgumentException("the checkpoint has no next step"));
    Map<String, StageStatus> outcomes = new LinkedHashMap<>(checkpoint.nodeOutcomes());
    TraversalState state = new TraversalState(Context.of(checkpoint.contextValues(), checkpoint.logs()),
        new ArrayList<>(checkpoint.completedNodes()), outcomes, new LinkedHashMap<>(checkpoint.nodeRetries()),
        new LinkedHashMap<>(checkpoint.nodeVisits()), checkpoint.goalGateRetries(), checkpoint.lastFidelity(),
        checkpoint.currentNode(), next);
    state.degradeFullOnce = checkpoint.lastFidelity().filter(mode -> mode == FidelityMode.FULL).isPresent();
    return state;
  }

  Context context() {
    return context;
  }

  NextStep next() {
    return next;
  }

  String currentNode() {
    return currentNode;
  }

  Optional<Outcome> lastOutcome() {
    return lastOutcome;
  }

  /** Every completed node in order; only grows. */
  List<String> completed() {
    return completedView;
  }

  /** Each node's latest status in first-completion order; changes only for a node when it completes. */
  Map<String, StageStatus> outcomes() {
    return outcomesView;
  }

  Map<String, Integer> retries() {
    return retriesView;
  }

  Optional<FidelityMode> lastFidelity() {
    return lastFidelity;
  }

  int goalGateRetries() {
    return goalGateRetries;
  }

  /** The edge the next node is entered through, when it was entered through one. */
  Optional<Edge> incomingEdge(Graph graph) {
    if (!next.viaEdge()) {
      return Optional.empty();
    }
    List<Edge> edges = graph.outgoing(next.fromNode());
    return next.viaEdgeIndex() < edges.size() ? Optional.of(edges.get(next.viaEdgeIndex())) : Optional.empty();
  }

  int visits(String nodeId) {
    return visits.getOrDefault(nodeId, 0);
  }

  int enter(String nodeId) {
    context.set(ContextKeys.CURRENT_NODE, nodeId);
    return visits.merge(nodeId, 1, Integer::sum);
  }

  /** Undoes {@link #enter} for a visit abandoned because the run is stopping. */
  void leave(String nodeId) {
    visits.computeIfPresent(nodeId, (id, count) -> count > 1 ? count - 1 : null);
  }

  /** True once, for the first LLM stage after a resume whose last LLM stage used {@code full} fidelity. */
  boolean takeFullDegrade() {
    boolean degrade = degradeFullOnce;
    degradeFullOnce = false;
    return degrade;
  }

  void countRetry(String nodeId) {
    int count = retries.merge(nodeId, 1, Integer::sum);
    context.set(ContextKeys.retryCount(nodeId), count);
  }

  void resetRetries(String nodeId) {
    if (retries.remove(nodeId) != null) {
      context.set(ContextKeys.retryCount(nodeId), 0);
    }
  }

  /** 3.2 steps 3-4: record the completion and apply the outcome to the context. */
  void complete(Node node, Outcome outcome, Optional<FidelityMode> fidelity) {
    completed.add(node.id());
    outcomes.put(node.id(), outcome.status()); // keeps the first-completion position: goal gates are checked in that order

    context.applyUpdates(outcome.contextUpdates());
    context.set(ContextKeys.OUTCOME, outcome.status().wire());
    if (!outcome.preferredLabel().isEmpty()) {
      context.set(ContextKeys.PREFERRED_LABEL, outcome.preferredLabel());
    }
    currentNode = node.id();
    lastOutcome = Optional.of(outcome);
    if (fidelity.isPresent()) {
      lastFidelity = fidelity;
    }
  }

  void advance(NextStep step) {
    next = step;
  }

  void jumpForGoalGate(String target) {
    goalGateRetries++;
    next = NextStep.jump(target);
  }
}
