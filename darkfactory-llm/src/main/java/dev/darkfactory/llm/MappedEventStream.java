package dev.darkfactory.llm;

import java.util.Iterator;
import java.util.function.UnaryOperator;

/** An {@link EventStream} whose events pass through a function; closing it closes the source. */
final class MappedEventStream implements EventStream {
  private final EventStream source;
  private final UnaryOperator<StreamEvent> mapper;

  MappedEventStream(EventStream source, UnaryOperator<StreamEvent> mapper) {
    this.source = source;
    this.mapper = mapper;
  }

  @Override
  public Iterator<StreamEvent> iterator() {
    Iterator<StreamEvent> inner = source.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return inner.hasNext();
      }

      @Override
      public StreamEvent next() {
        return mapper.apply(inner.next());
      }
    };
  }

  @Override
  public void close() {
    source.close();
  }
}
