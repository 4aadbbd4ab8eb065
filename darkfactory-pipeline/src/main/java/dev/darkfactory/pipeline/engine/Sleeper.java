package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.state.Cancellation;
import java.time.Duration;

/**
 * Waits between retries (attractor-spec.md 3.5). Injected so tests record delays instead of
 * sleeping; the real one wakes early when the run is cancelled.
 */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration delay, Cancellation cancellation);

  /** Waits on the cancellation signal, so a stop never waits out a backoff. */
  static Sleeper real() {
    return (delay, cancellation) -> cancellation.await(delay);
  }
}
