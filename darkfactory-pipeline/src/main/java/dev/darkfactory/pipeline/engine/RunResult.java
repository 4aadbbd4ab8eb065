package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StageStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended. After {@code loop_restart} edges, this is the last run of the chain.
 *
 * @param status {@code success}, {@code success_with_failures} (the run reached its end past failed
 *     stages), {@code fail} or {@code stopped} (resumable)
 * @param outcome the final outcome (3.2's return value)
 * @param completedNodes top-level nodes in completion order (nodes inside parallel branches are in {@code parallel.results})
 * @param nodeOutcomes each top-level node's last status
 * @param failedStages the stages the run passed over, in the order they first completed: their latest
 *     visit failed and the failure went on along an edge without a condition (see {@code
 *     success_with_failures}); empty unless the status is that
 * @param finalNode the last completed node, or an empty string
 * @param failureReason why the run failed
 * @param stopReason why it stopped, for {@code stopped}
 * @param context the final context
 * @param duration this process's time on the run (a resumed run counts from the resume)
 */
public record RunResult(
    String runId,
    RunStatus status,
    Outcome outcome,
    List<String> completedNodes,
    Map<String, StageStatus> nodeOutcomes,
    List<String> failedStages,
    String finalNode,
    Optional<String> failureReason,
    Optional<StopReason> stopReason,
    Map<String, Object> context,
    Path logsRoot,
    Duration duration) {

  public RunResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(outcome, "outcome");
    completedNodes = List.copyOf(completedNodes);
    nodeOutcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodeOutcomes));
    failedStages = List.copyOf(failedStages);
    Objects.requireNonNull(finalNode, "finalNode");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(stopReason, "stopReason");
    context = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
    Objects.requireNonNull(logsRoot, "logsRoot");
    Objects.requireNonNull(duration, "duration");
  }

  /** Reached the exit with no failed stage passed over. */
  public boolean succeeded() {
    return status == RunStatus.SUCCESS;
  }
}
