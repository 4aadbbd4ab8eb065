package dev.darkfactory.pipeline.handler;

import java.util.Optional;

/** When a parallel node is done (attractor-spec.md 4.8). */
public enum JoinPolicy {
  /** Every branch runs to its end. */
  WAIT_ALL("wait_all"),
  /** The first branch to succeed wins; the others are cancelled. */
  FIRST_SUCCESS("first_success");

  private final String wire;

  JoinPolicy(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<JoinPolicy> fromWire(String text) {
    for (JoinPolicy policy : values()) {
      if (policy.wire.equals(text)) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }
}
