package dev.darkfactory.pipeline.backend;

import dev.darkfactory.pipeline.state.StopReason;
import java.util.Objects;

/**
 * Thrown by a backend that cannot go on and must not fail the stage either: the run's token or
 * cost budget is used up, or the provider refuses the key or the account has no credit. The engine
 * treats it as a handler's {@code StopRunException}: it checkpoints, ends the run as stopped with
 * this reason (resumable when the reason says so), and a resume runs the stage again from its
 * start. Lives here rather than in the handler package so backends need not depend on handlers.
 */
public final class BackendStopException extends RuntimeException {
  private final StopReason reason;

  public BackendStopException(StopReason reason) {
    super(Objects.requireNonNull(reason, "reason").message());
    this.reason = reason;
  }

  public StopReason reason() {
    return reason;
  }
}
