package dev.darkfactory.pipeline.engine;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The engine's injected collaborators: time, waiting, randomness (backoff jitter, run IDs), the
 * bounds, and the retry predicate. Tests replace the clock and sleeper so nothing really waits.
 */
record EngineServices(Clock clock, Sleeper sleeper, RandomGenerator random, RunLimits limits, Predicate<Throwable> retryPredicate) {
  EngineServices {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(retryPredicate, "retryPredicate");
  }
}
