package dev.darkfactory.llm.generate;

import java.time.Duration;
import java.util.Optional;

/**
 * Deadlines for a high-level call (unified-llm-spec §4.7): {@code total} bounds the whole multi-step operation,
 * {@code perStep} each LLM call. Expiry raises {@link dev.darkfactory.llm.RequestTimeoutException}.
 */
public record TimeoutConfig(Optional<Duration> total, Optional<Duration> perStep) {

  public static TimeoutConfig none() {
    return new TimeoutConfig(Optional.empty(), Optional.empty());
  }

  public static TimeoutConfig total(Duration total) {
    return new TimeoutConfig(Optional.of(total), Optional.empty());
  }

  public static TimeoutConfig of(Duration total, Duration perStep) {
    return new TimeoutConfig(Optional.ofNullable(total), Optional.ofNullable(perStep));
  }
}
