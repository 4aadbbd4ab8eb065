package dev.darkfactory.pipeline.state;

import dev.darkfactory.pipeline.state.Checkpoint.NextStep;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link CheckpointStore#save} writes: the fields of {@link Checkpoint} that the file stores.
 * The {@link Checkpoint} record is the immutable form (loading, tests, the HTTP API); a running
 * traversal passes views of its live state instead, because it saves after every node and copying
 * lists that grow with the run on every save would make a long run quadratic. The store reads a
 * content only during {@code save}, on the caller's thread.
 *
 * <p>A store re-encodes only what changed since its previous save when it is handed the same live
 * list and map again. That relies on how a traversal's progress changes between two saves: {@link
 * #completedNodes} only grows, and {@link #nodeOutcomes} changes only for nodes appended to it.
 */
public interface CheckpointContent {
  String runId();

  String graphFingerprint();

  Instant timestamp();

  RunStatus status();

  String currentNode();

  Optional<NextStep> next();

  /** Every completed node, in order; a live list only grows between saves. */
  List<String> completedNodes();

  /** Each node's latest status in first-completion order; a live map changes only for nodes appended to {@link #completedNodes}. */
  Map<String, StageStatus> nodeOutcomes();

  Map<String, Integer> nodeRetries();

  /**
   * The execution counts the file stores: those that differ from the node's number of
   * occurrences in {@link #completedNodes}. The others are implied and left out, which keeps a long
   * linear run's checkpoint small.
   */
  Map<String, Integer> unimpliedExecutions();

  int stageCount();

  int goalGateRetries();

  Optional<FidelityMode> lastFidelity();

  Map<String, Object> contextValues();

  List<String> logs();

  Optional<Outcome> finalOutcome();

  Optional<StopReason> stopReason();

  Optional<String> restartedInto();
}
