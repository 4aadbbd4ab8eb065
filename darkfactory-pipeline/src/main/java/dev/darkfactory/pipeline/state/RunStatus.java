package dev.darkfactory.pipeline.state;

import java.util.Arrays;
import java.util.Optional;

/** Where a run (or a parallel branch) stands, as recorded in its checkpoint and manifest. */
public enum RunStatus {
  /** Started and not finished: live, or crashed (resume continues it). */
  RUNNING("running"),
  SUCCESS("success"),
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

  /** True for the statuses a run never leaves: success and fail. */
  public boolean isFinished() {
    return this == SUCCESS || this == FAIL;
  }

  @Override
  public String toString() {
    return wire;
  }
}
