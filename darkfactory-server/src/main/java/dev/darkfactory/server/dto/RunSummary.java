package dev.darkfactory.server.dto;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the runs board and of {@code GET /pipelines}.
 *
 * @param status {@code running}, {@code success}, {@code success_with_failures} (the run reached its
 *     exit past failed stages, named in {@code error}), {@code fail}, {@code stopped} or {@code interrupted}
 * @param usage tokens and cost, present only when the backend reports them
 * @param resumable true for stopped and interrupted runs that can continue from their checkpoint
 */
public record RunSummary(
    String id,
    String name,
    String goal,
    String status,
    Instant startedAt,
    Optional<Instant> finishedAt,
    long durationMs,
    String startedBy,
    String backend,
    Optional<UsageDto> usage,
    int pendingQuestions,
    Optional<String> error,
    boolean resumable) {}
