package dev.darkfactory.pipeline.state;

import java.util.Objects;

/**
 * Why a run stopped before it finished: a named code, a message for the user, and whether the run
 * can be resumed from its checkpoint.
 *
 * <p>Resumable stops (a cancel, Ctrl-C, a budget running out, the wall-clock {@code timeout}, a
 * human gate with nobody to answer, a provider refusing the key or out of credit) end the run as
 * {@code stopped}; the checkpoint is written first.
 *
 * @param code a stable identifier: {@code cancelled}, {@code interrupted}, {@code timeout},
 *     {@code needs_human}, {@code budget_tokens}, {@code budget_cost}, {@code provider_auth},
 *     {@code provider_billing}
 */
public record StopReason(String code, String message, boolean resumable) {
  /** The code of {@link #needsHuman}: resuming needs a way to answer (answers, or a terminal). */
  public static final String NEEDS_HUMAN = "needs_human";

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
    return new StopReason(NEEDS_HUMAN, message, true);
  }

  /**
   * The run's wall-clock budget passed (issue 6: budgets stop resumably, the checkpoint written
   * first); a resume gets a new window of the same length.
   */
  public static StopReason timeout(String message) {
    return new StopReason("timeout", message, true);
  }
}
