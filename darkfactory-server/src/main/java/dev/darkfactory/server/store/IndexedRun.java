package dev.darkfactory.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A run as the index knows it: enough to draw the runs board and decide what to do on restart,
 * without opening the run directory.
 *
 * @param status {@code running}, {@code success}, {@code success_with_failures} (the run reached its
 *     exit past failed stages), {@code fail}, {@code stopped}, {@code interrupted}
 */
public record IndexedRun(
    String id,
    String name,
    String goal,
    String status,
    Instant startedAt,
    Optional<Instant> finishedAt,
    String startedBy,
    String backend,
    Optional<String> error,
    Optional<Long> tokens,
    Optional<Double> costUsd) {

  public static final String RUNNING = "running";
  public static final String SUCCESS = "success";
  public static final String SUCCESS_WITH_FAILURES = "success_with_failures";
  public static final String FAIL = "fail";
  public static final String STOPPED = "stopped";
  public static final String INTERRUPTED = "interrupted";

  public IndexedRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(startedBy, "startedBy");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(costUsd, "costUsd");
  }

  /** The run in a new state; a final state stamps {@code finishedAt}. */
  public IndexedRun withStatus(String newStatus, Instant at, Optional<String> why) {
    boolean running = newStatus.equals(RUNNING);
    return new IndexedRun(id, name, goal, newStatus, startedAt, running ? Optional.empty() : Optional.of(at), startedBy, backend,
        running ? Optional.empty() : why, tokens, costUsd);
  }

  public IndexedRun withUsage(Optional<Long> totalTokens, Optional<Double> cost) {
    return new IndexedRun(id, name, goal, status, startedAt, finishedAt, startedBy, backend, error, totalTokens, cost);
  }

  /** Stopped and interrupted runs can continue from their checkpoint. */
  public boolean resumable() {
    return status.equals(STOPPED) || status.equals(INTERRUPTED);
  }

  public boolean live() {
    return status.equals(RUNNING);
  }
}
