package dev.darkfactory.llm;

import java.util.Iterator;
import java.util.List;

/** An {@link EventStream} over events already in memory. */
final class ListEventStream implements EventStream {
  private final List<StreamEvent> events;

  ListEventStream(List<StreamEvent> events) {
    this.events = List.copyOf(events);
  }

  @Override
  public Iterator<StreamEvent> iterator() {
    return events.iterator();
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
