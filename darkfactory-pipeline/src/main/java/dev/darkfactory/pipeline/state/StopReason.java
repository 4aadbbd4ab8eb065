package dev.darkfactory.pipeline.state;

import java.util.Objects;

/**
 * Why a run stopped before it finished: a named code, a message for the user, and whether the run
 * can be resumed from its checkpoint.
 *
 * <p>Resumable stops (a cancel, Ctrl-C, a budget running out, a human gate with nobody to answer)
 * end the run as {@code stopped}; the checkpoint is written first. Bounds the user set for the
 * whole run (the wall-clock {@code timeout}) are not resumable: the run fails.
 *
 * @param code a stable identifier: {@code cancelled}, {@code interrupted}, {@code timeout},
 *     {@code needs_human}, and later {@code budget_tokens}, {@code budget_cost}
 */
public record StopReason(String code, String message, boolean resumable) {
  public StopReason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** Stopped on request (the server's cancel, an embedding application). */
  public static StopReason cancelled(String message) {
    return new StopReason("cancelled", message, true);
  }

  /** Stopped by Ctrl-C or SIGTERM. */
  public static StopReason interrupted() {
    return new StopReason("interrupted", "interrupted (Ctrl-C)", true);
  }

  /** A human gate was reached with no way to ask a human. */
  public static StopReason needsHuman(String message) {
    return new StopReason("needs_human", message, true);
  }

  /** The run's wall-clock limit passed: not resumable, the run fails. */
  public static StopReason timeout(String message) {
    return new StopReason("timeout", message, false);
  }
}
