package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.problem.PipelineException;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.StopReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run in progress: wait for it, or stop it. {@link #cancel} is the clean way to stop a run from
 * outside (the server's cancel, Ctrl-C): the current stage is interrupted, the checkpoint is
 * written, and the run ends as {@code stopped}, resumable with the same reason.
 */
public final class RunHandle {
  private final String runId;
  private final Path logsRoot;
  private final Cancellation cancellation;
  private final CompletableFuture<RunResult> result;

  RunHandle(String runId, Path logsRoot, Cancellation cancellation, CompletableFuture<RunResult> result) {
    this.runId = runId;
    this.logsRoot = logsRoot;
    this.cancellation = cancellation;
    this.result = result;
  }

  /** The run's ID (after a {@code loop_restart}, {@link RunResult#runId()} names the last run of the chain). */
  public String runId() {
    return runId;
  }

  public Path logsRoot() {
    return logsRoot;
  }

  /** Asks the run to stop; returns at once. Later calls keep the first reason. */
  public void cancel(StopReason reason) {
    cancellation.cancel(reason);
  }

  public boolean isDone() {
    return result.isDone();
  }

  /**
   * Waits for the run to end.
   *
   * @throws PipelineException when the run could not be carried out at all (its directory not writable, a corrupt checkpoint)
   */
  public RunResult await() {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for run " + runId);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  /** Waits up to {@code timeout}; empty when the run is still going. */
  public Optional<RunResult> await(Duration timeout) {
    try {
      return Optional.of(result.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  /** The result as a future, for asynchronous callers (the HTTP server). */
  public CompletableFuture<RunResult> future() {
    return result.copy();
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }
}
