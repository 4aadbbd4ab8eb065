package dev.darkfactory.pipeline.event;

import dev.darkfactory.pipeline.human.Answer;
import dev.darkfactory.pipeline.human.Question;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a run reports (attractor-spec.md 9.6), as one closed set of records. Listeners switch
 * over it without a {@code default}, so a new event is handled everywhere or fails to compile.
 *
 * <p>Every event names its run and when it happened. Stage events also name the parallel
 * {@code branch} they ran in: empty at the top level, {@code parallel_node/branch_start} inside a
 * branch.
 */
public sealed interface PipelineEvent {

  String runId();

  Instant at();

  // Pipeline lifecycle (9.6).

  /** A run began, or was resumed from its checkpoint. */
  record PipelineStarted(String runId, Instant at, String name, String goal, String logsRoot, boolean resumed, Optional<String> parentRunId)
      implements PipelineEvent {}

  /**
   * The run reached its exit with every goal gate satisfied. {@code failedStages} (extension) names
   * the stages it passed over (their latest visit failed and the failure went on along an edge
   * without a condition): when there are any, the run ends {@code success_with_failures}.
   */
  record PipelineCompleted(String runId, Instant at, Duration duration, int artifactCount, List<String> failedStages) implements PipelineEvent {
    public PipelineCompleted {
      failedStages = List.copyOf(failedStages);
    }
  }

  /** The run ended in failure; {@code nodeId} is where, when a node was involved. */
  record PipelineFailed(String runId, Instant at, String error, Duration duration, Optional<String> nodeId) implements PipelineEvent {}

  /** Extension: the run stopped, checkpointed and resumable (cancel, Ctrl-C, budget, no human). */
  record PipelineStopped(String runId, Instant at, StopReason reason, Duration duration, Optional<String> resumeAt) implements PipelineEvent {}

  /** Extension: a {@code loop_restart} edge ended this run; {@code nextRunId} continues in a fresh directory (2.7). */
  record PipelineRestarted(String runId, Instant at, String nextRunId, String startAt, String logsRoot) implements PipelineEvent {}

  // Stage lifecycle (9.6).

  /** A handler is about to run; {@code attempt} counts from 1 within this visit. */
  record StageStarted(String runId, Instant at, String nodeId, String name, int index, String handlerType, int attempt, String branch)
      implements PipelineEvent {}

  /** A stage ended with SUCCESS, PARTIAL_SUCCESS or SKIPPED. */
  record StageCompleted(String runId, Instant at, String nodeId, String name, int index, Duration duration, StageStatus status, String notes, String branch)
      implements PipelineEvent {}

  /** An attempt ended with FAIL or RETRY, or its handler threw; {@code willRetry} says whether another attempt follows. */
  record StageFailed(String runId, Instant at, String nodeId, String name, int index, String error, boolean willRetry, StageStatus status, String branch)
      implements PipelineEvent {}

  /**
   * Extension: the stage in flight was abandoned because the run (or its branch) is stopping: a
   * cancel, Ctrl-C, a budget or the wall clock, a human gate with nobody to ask. Not completed: a
   * resume runs it again. Every {@code StageStarted} thus ends in a completed, failed or stopped event.
   */
  record StageStopped(String runId, Instant at, String nodeId, String name, int index, StopReason reason, String branch)
      implements PipelineEvent {}

  /** The next attempt starts after {@code delay} (3.5, 3.6). */
  record StageRetrying(String runId, Instant at, String nodeId, String name, int index, int attempt, Duration delay, String branch)
      implements PipelineEvent {}

  // Parallel execution (9.6).

  record ParallelStarted(String runId, Instant at, String nodeId, int branchCount, String joinPolicy, int maxParallel) implements PipelineEvent {}

  record ParallelBranchStarted(String runId, Instant at, String nodeId, String branch, int index) implements PipelineEvent {}

  record ParallelBranchCompleted(String runId, Instant at, String nodeId, String branch, int index, Duration duration, boolean success, StageStatus status)
      implements PipelineEvent {}

  record ParallelCompleted(String runId, Instant at, String nodeId, Duration duration, int successCount, int failureCount) implements PipelineEvent {}

  // Human interaction (9.6).

  record InterviewStarted(String runId, Instant at, Question question, String stage) implements PipelineEvent {}

  record InterviewCompleted(String runId, Instant at, Question question, Answer answer, Duration duration) implements PipelineEvent {}

  record InterviewTimeout(String runId, Instant at, Question question, String stage, Duration duration) implements PipelineEvent {}

  // Checkpoints (9.6) and routing (extension: the decision audit).

  record CheckpointSaved(String runId, Instant at, String nodeId, String branch) implements PipelineEvent {}

  /** The decision audit: which edge was taken after {@code decision.fromNode()} and why. */
  record EdgeSelected(String runId, Instant at, RoutingDecision decision, String branch) implements PipelineEvent {}

  /** Extension: the exit was reached with a goal gate unsatisfied (3.4); the run jumps to {@code retryTarget} or fails. */
  record GoalGateUnsatisfied(String runId, Instant at, String gateNodeId, StageStatus status, Optional<String> retryTarget, int retries)
      implements PipelineEvent {}

  /**
   * Extension: what a stage's LLM calls used (tokens) and cost, when the backend meters them; the
   * cost is absent when no call could be priced from the model catalog.
   */
  record StageUsage(String runId, Instant at, String nodeId, long inputTokens, long outputTokens, long cacheReadTokens, int llmCalls,
      Optional<java.math.BigDecimal> costUsd, String branch) implements PipelineEvent {}

  /** Extension: a handler's progress note (a tool's command line, a manager cycle), for live displays. */
  record StageNote(String runId, Instant at, String nodeId, String message, String branch) implements PipelineEvent {}
}
