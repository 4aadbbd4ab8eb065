package dev.darkfactory.pipeline.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Delay between attempts (attractor-spec.md 3.6 {@code BackoffConfig}): {@code initial * factor^(attempt-1)},
 * capped at {@code max}, then multiplied by a uniform random factor in [0.5, 1.5) when jitter is on.
 */
public record Backoff(Duration initialDelay, double factor, Duration maxDelay, boolean jitter) {
  public Backoff {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (factor < 1.0) {
      throw new IllegalArgumentException("backoff factor must be at least 1.0: " + factor);
    }
  }

  /** The spec's defaults: 200 ms, factor 2.0, at most 60 s, with jitter. */
  public static Backoff defaults() {
    return new Backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(60), true);
  }

  public Backoff withJitter(boolean enabled) {
    return new Backoff(initialDelay, factor, maxDelay, enabled);
  }

  /**
   * The delay before the retry that follows attempt {@code attempt} (1-indexed: the first retry
   * waits {@code delayForAttempt(1)}).
   */
  public Duration delayForAttempt(int attempt, RandomGenerator random) {
    double millis = initialDelay.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
    millis = Math.min(millis, maxDelay.toMillis());
    if (jitter) {
      millis *= random.nextDouble(0.5, 1.5);
    }
    return Duration.ofMillis(Math.round(millis));
  }
}
