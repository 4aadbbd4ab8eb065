package dev.darkfactory.pipeline.event;

import java.time.Instant;

/**
 * Where a stage reports while it works: handlers and backends publish events through it without
 * knowing the listeners. It stamps what they need: the run ID, the time and the branch.
 */
public interface EventSink {

  String runId();

  /** The parallel branch the stage runs in, or an empty string at the top level. */
  String branch();

  /** The engine's clock: handlers timestamp events with it so tests can fix time. */
  Instant now();

  void publish(PipelineEvent event);

  /** Publishes a {@link PipelineEvent.StageUsage} for {@code nodeId}. */
  default void usage(String nodeId, long inputTokens, long outputTokens, long cacheReadTokens, int llmCalls,
      java.util.Optional<java.math.BigDecimal> costUsd) {
    publish(new PipelineEvent.StageUsage(runId(), now(), nodeId, inputTokens, outputTokens, cacheReadTokens, llmCalls, costUsd, branch()));
  }

  /** Publishes a {@link PipelineEvent.StageNote} for {@code nodeId}. */
  default void note(String nodeId, String message) {
    publish(new PipelineEvent.StageNote(runId(), now(), nodeId, message, branch()));
  }
}
