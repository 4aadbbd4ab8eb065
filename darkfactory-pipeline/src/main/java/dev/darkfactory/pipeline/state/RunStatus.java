package dev.darkfactory.pipeline.state;

import java.util.Arrays;
import java.util.Optional;

/** Where a run (or a parallel branch) stands, as recorded in its checkpoint and manifest. */
public enum RunStatus {
  /** Started and not finished: live, or crashed (resume continues it). */
  RUNNING("running"),
  SUCCESS("success"),
  /**
   * Extension: the run reached its exit, which 3.2 calls a success, but passed over stages whose
   * latest outcome is FAIL: no fail edge, retry target or conditional node routed the failure, and
   * it went on along an edge without a condition.
   */
  SUCCESS_WITH_FAILURES("success_with_failures"),
  FAIL("fail"),
  /** Stopped before finishing with a resumable {@link StopReason}. */
  STOPPED("stopped"),
  /** Ended by a {@code loop_restart} edge; the run continues in a fresh directory (2.7). */
  RESTARTED("restarted");

  private final String wire;

  RunStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<RunStatus> fromWire(String text) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(text)).findFirst();
  }

  /** True for the statuses a run never leaves: success (with or without failures passed over) and fail. */
  public boolean isFinished() {
    return this == SUCCESS || this == SUCCESS_WITH_FAILURES || this == FAIL;
  }

  /** 3.2's SUCCESS: the run reached its exit (or a node with no route onward), with or without failures passed over. */
  public boolean isSuccess() {
    return this == SUCCESS || this == SUCCESS_WITH_FAILURES;
  }

  @Override
  public String toString() {
    return wire;
  }
}
