package dev.darkfactory.llm;

import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The result of {@link Client#stream}: a single-use, blocking iterator of {@link StreamEvent}s (unified-llm-spec
 * §4.2) that ends with one {@code Finish} or {@code Error}. Close it (try-with-resources) to release the connection
 * when abandoning it early; iterating to the end closes it too.
 */
public interface EventStream extends Iterable<StreamEvent>, AutoCloseable {

  @Override
  Iterator<StreamEvent> iterator();

  /** Releases the connection. Idempotent and never throws. */
  @Override
  void close();

  /** A stream over fixed events (tests, caches, replay). */
  static EventStream of(List<StreamEvent> events) {
    return new ListEventStream(events);
  }

  /** Transforms every event (streaming middleware, §2.3). */
  default EventStream map(UnaryOperator<StreamEvent> mapper) {
    return new MappedEventStream(this, mapper);
  }

  /** Observes every event as it passes (streaming middleware, §2.3). */
  default EventStream peek(Consumer<StreamEvent> observer) {
    return map(event -> {
      observer.accept(event);
      return event;
    });
  }

  /**
   * Consumes the stream and returns the final response, or throws the error that ended it. A stream that ends with
   * neither is a {@link StreamException}.
   */
  default Response collect() {
    try (this) {
      for (StreamEvent event : this) {
        switch (event) {
          case StreamEvent.Finish finish -> {
            return finish.response();
          }
          case StreamEvent.Error error -> throw error.error();
          default -> {
            // Deltas are folded into the Finish event's response by the adapter.
          }
        }
      }
    }
    throw new StreamException("The stream ended without a finish event");
  }
}
