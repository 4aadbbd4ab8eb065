package dev.darkfactory.pipeline.state;

import java.util.Arrays;
import java.util.Optional;

/**
 * The status of one stage execution (attractor-spec.md 5.2). Each constant carries its exact wire
 * string: the form written to {@code status.json}, checkpoints, events and compared by conditions
 * ({@code outcome=success}, section 10.3). Nothing else is accepted (peer lessons, spec trap 2).
 */
public enum StageStatus {
  SUCCESS("success"),
  PARTIAL_SUCCESS("partial_success"),
  RETRY("retry"),
  FAIL("fail"),
  SKIPPED("skipped");

  private final String wire;

  StageStatus(String wire) {
    this.wire = wire;
  }

  /** The exact lowercase string of 5.2 and Appendix C. */
  public String wire() {
    return wire;
  }

  /** The status written as {@code text}, compared exactly: {@code "Success"} and {@code "succeeded"} are not statuses. */
  public static Optional<StageStatus> fromWire(String text) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(text)).findFirst();
  }

  /** SUCCESS or PARTIAL_SUCCESS: what satisfies a goal gate (3.4) and resets the retry counter (3.5). */
  public boolean isSuccess() {
    return this == SUCCESS || this == PARTIAL_SUCCESS;
  }

  @Override
  public String toString() {
    return wire;
  }
}
