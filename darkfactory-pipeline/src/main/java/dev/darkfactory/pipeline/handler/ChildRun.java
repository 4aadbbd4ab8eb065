package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A running child pipeline, as a manager loop sees it. */
public interface ChildRun {

  String runId();

  Path logsRoot();

  /** Waits up to {@code timeout} for the child to end; true when it has. */
  boolean awaitDone(Duration timeout);

  /** How the child ended, once it has. */
  Optional<Ending> ending();

  /**
   * Stops the child (checkpointed, resumable) and waits until it has ended: when this returns, none of its stages
   * still runs, no command it started is left to its grace period, and nothing more is written to its run
   * directory. Waits even when the calling thread is interrupted (the interrupt is kept), as a parallel stage waits
   * for its branches.
   */
  void stop(StopReason reason);

  /** The child's final status and, when it failed, why. */
  record Ending(RunStatus status, String failureReason) {}
}
