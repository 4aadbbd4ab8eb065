package dev.darkfactory.llm;

import java.util.Iterator;

/** An {@link EventStream} that runs a cleanup (disarming a deadline) when it is closed or fully consumed. */
final class ClosingEventStream implements EventStream {
  private final EventStream source;
  private final AbortSignal.Registration cleanup;

  ClosingEventStream(EventStream source, AbortSignal.Registration cleanup) {
    this.source = source;
    this.cleanup = cleanup;
  }

  @Override
  public Iterator<StreamEvent> iterator() {
    Iterator<StreamEvent> inner = source.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = inner.hasNext();
        if (!more) {
          cleanup.remove();
        }
        return more;
      }

      @Override
      public StreamEvent next() {
        return inner.next();
      }
    };
  }

  @Override
  public void close() {
    cleanup.remove();
    source.close();
  }
}
