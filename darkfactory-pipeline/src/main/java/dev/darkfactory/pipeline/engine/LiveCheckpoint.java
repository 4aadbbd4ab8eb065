package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.state.Checkpoint.NextStep;
import dev.darkfactory.pipeline.state.CheckpointContent;
import dev.darkfactory.pipeline.state.FidelityMode;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A traversal's checkpoint as views of its live state ({@link TraversalState}), not copies: it is
 * handed to the checkpoint store, read during that one save on the traversal's thread, and
 * dropped. Copying the completed list and the outcome and count maps for every save was the
 * largest part of the engine's per-node cost on a long run.
 */
record LiveCheckpoint(
    String runId,
    String graphFingerprint,
    Instant timestamp,
    RunStatus status,
    String currentNode,
    Optional<NextStep> next,
    List<String> completedNodes,
    Map<String, StageStatus> nodeOutcomes,
    Map<String, Integer> nodeRetries,
    Map<String, Integer> unimpliedExecutions,
    int stageCount,
    int goalGateRetries,
    Optional<FidelityMode> lastFidelity,
    Map<String, Object> contextValues,
    List<String> logs,
    Optional<Outcome> finalOutcome,
    Optional<StopReason> stopReason,
    Optional<String> restartedInto) implements CheckpointContent {}
