package dev.darkfactory.twin.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a failed delivery is tried again: {@code maxAttempts} in all, waiting {@code initialBackoff} before the
 * second and multiplying the wait by {@code multiplier} each time, up to {@code maxBackoff}. Waits run on the twin's
 * clock, so under a fixed clock retries fire when the clock is advanced past them.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

  /** No retries: one attempt. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);

  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts is at least 1: " + maxAttempts);
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier is at least 1: " + multiplier);
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("backoffs must not be negative");
    }
  }

  public static RetryPolicy exponential(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    return new RetryPolicy(maxAttempts, initialBackoff, 2, maxBackoff);
  }

  /** The wait before attempt {@code attempt} (2 or more). */
  public Duration backoffBefore(int attempt) {
    double factor = Math.pow(multiplier, Math.max(0, attempt - 2));
    long nanos = (long) Math.min(initialBackoff.toNanos() * factor, (double) maxBackoff.toNanos());
    return Duration.ofNanos(Math.max(nanos, Math.min(initialBackoff.toNanos(), maxBackoff.toNanos())));
  }
}
