package dev.darkfactory.pipeline.state;

import java.util.Arrays;
import java.util.Optional;

/**
 * How much prior conversation and state a stage's LLM session carries (attractor-spec.md 5.4).
 * Each constant carries its exact wire string.
 */
public enum FidelityMode {
  /** Reuse the session of the same thread: full history. */
  FULL("full"),
  /** Fresh session with only the goal and run ID. */
  TRUNCATE("truncate"),
  /** Fresh session with a structured summary; the default when nothing is set. */
  COMPACT("compact"),
  SUMMARY_LOW("summary:low"),
  SUMMARY_MEDIUM("summary:medium"),
  SUMMARY_HIGH("summary:high");

  private final String wire;

  FidelityMode(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<FidelityMode> fromWire(String text) {
    return Arrays.stream(values()).filter(m -> m.wire.equals(text)).findFirst();
  }

  @Override
  public String toString() {
    return wire;
  }
}
