package dev.darkfactory.twin.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How often a failed delivery is tried again: {@code maxAttempts} in all, waiting {@code initialBackoff} before the
 * second and multiplying the wait by {@code multiplier} each time, up to {@code maxBackoff}; or, when {@code schedule}
 * is not empty, waiting exactly its durations in turn (a vendor's published schedule, such as Slack's "nearly at
 * once, after 1 minute, after 5 minutes"). Waits run on the twin's clock, so under a fixed clock retries fire when the
 * clock is advanced past them.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff, List<Duration> schedule) {

  /** No retries: one attempt. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);

  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    schedule = List.copyOf(schedule);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts is at least 1: " + maxAttempts);
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier is at least 1: " + multiplier);
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative() || schedule.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("backoffs must not be negative");
    }
    if (!schedule.isEmpty() && schedule.size() != maxAttempts - 1) {
      throw new IllegalArgumentException("a schedule has one wait per retry: " + schedule.size() + " waits for "
          + (maxAttempts - 1) + " retries");
    }
  }

  /** An exponential policy (no fixed schedule). */
  public RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
    this(maxAttempts, initialBackoff, multiplier, maxBackoff, List.of());
  }

  public static RetryPolicy exponential(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    return new RetryPolicy(maxAttempts, initialBackoff, 2, maxBackoff);
  }

  /** One retry after each of {@code waits}, in turn: {@code after(ZERO, 1 min, 5 min)} is four attempts in all. */
  public static RetryPolicy after(Duration... waits) {
    List<Duration> schedule = List.of(waits);
    Duration longest = schedule.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    Duration first = schedule.isEmpty() ? Duration.ZERO : schedule.get(0);
    return new RetryPolicy(schedule.size() + 1, first, 1, longest, schedule);
  }

  /** The wait before attempt {@code attempt} (2 or more). */
  public Duration backoffBefore(int attempt) {
    if (!schedule.isEmpty()) {
      return schedule.get(Math.min(Math.max(0, attempt - 2), schedule.size() - 1));
    }
    double factor = Math.pow(multiplier, Math.max(0, attempt - 2));
    long nanos = (long) Math.min(initialBackoff.toNanos() * factor, (double) maxBackoff.toNanos());
    return Duration.ofNanos(Math.max(nanos, Math.min(initialBackoff.toNanos(), maxBackoff.toNanos())));
  }
}
