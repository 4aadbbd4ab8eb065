package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.state.Cancellation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A sleeper that records the delays it was asked for and returns at once. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> delays = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration delay, Cancellation cancellation) {
    delays.add(delay);
  }

  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }
}
