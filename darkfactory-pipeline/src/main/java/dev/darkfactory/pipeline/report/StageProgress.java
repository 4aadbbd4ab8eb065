package dev.darkfactory.pipeline.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One node as a run has seen it, folded from its events by {@link RunProjection}: its latest
 * status, how often it ran, its timing and usage.
 *
 * @param status {@code running}, {@code waiting} (on a human), {@code retrying}, or a stage status
 *     of 5.2 ({@code success}, {@code partial_success}, {@code fail}, {@code skipped})
 * @param attempts how often the stage started: visits and retries alike
 * @param notesLog the latest {@code StageNote} messages (the last 50)
 */
public record StageProgress(
    String nodeId,
    String name,
    String handlerType,
    String status,
    int attempts,
    int index,
    Instant startedAt,
    Optional<Long> durationMs,
    Optional<String> notes,
    Optional<String> error,
    Optional<UsageTotals> usage,
    List<String> notesLog) {
  public StageProgress {
    notesLog = List.copyOf(notesLog);
  }
}
