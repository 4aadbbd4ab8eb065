package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.state.StopReason;
import java.util.Objects;

/**
 * Thrown by a handler that cannot go on and should not fail the run either: the engine checkpoints,
 * ends the run as stopped with this reason, and a resume starts the same node again. A human gate
 * with nobody to ask throws it; a budget check will.
 */
public final class StopRunException extends RuntimeException {
  private final StopReason reason;

  public StopRunException(StopReason reason) {
    super(reason.message());
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public StopReason reason() {
    return reason;
  }
}
