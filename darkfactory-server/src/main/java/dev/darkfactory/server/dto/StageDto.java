package dev.darkfactory.server.dto;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One node as the run has seen it: its latest status, attempts and timing.
 *
 * @param status {@code running}, {@code waiting} (on a human), {@code retrying}, or a stage status
 *     of 5.2 ({@code success}, {@code partial_success}, {@code fail}, {@code skipped}), or {@code stopped}
 *     (the stage in flight when the run stopped; a resume runs it again)
 */
public record StageDto(
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
    Optional<UsageDto> usage,
    List<String> notesLog) {
  public StageDto {
    notesLog = List.copyOf(notesLog);
  }
}
