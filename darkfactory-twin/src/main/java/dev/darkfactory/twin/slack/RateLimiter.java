package dev.darkfactory.twin.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sliding one-minute windows on the twin's clock, one per method (and channel, for {@code chat.postMessage}) of a
 * workspace. Under a fixed clock a window only empties when the clock is advanced: limits are reproducible.
 */
final class RateLimiter {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final Map<String, ArrayDeque<Instant>> windows = new HashMap<>();

  /** Counts a call; empty when it is allowed, else how long until the window lets one more through. */
  Optional<Duration> acquire(String key, int perMinute, Instant now) {
    ArrayDeque<Instant> calls = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!calls.isEmpty() && !calls.peekFirst().plus(WINDOW).isAfter(now)) {
      calls.removeFirst();
    }
    if (calls.size() >= perMinute) {
      return Optional.of(Duration.between(now, calls.peekFirst().plus(WINDOW)));
    }
    calls.addLast(now);
    return Optional.empty();
  }
}
