package dev.darkfactory.pipeline.event;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers each event to every listener, serialised so listeners need no locking of their own. A
 * listener that throws loses that event only: a broken display must not break the run. Failures
 * are counted so tests and the run summary can notice them.
 */
public final class EventDispatcher implements PipelineListener {
  private final List<PipelineListener> listeners;
  private final AtomicLong listenerFailures = new AtomicLong();

  public EventDispatcher(List<PipelineListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public synchronized void onEvent(PipelineEvent event) {
    for (PipelineListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        listenerFailures.incrementAndGet();
      }
    }
  }

  /** How many times a listener threw. */
  public long listenerFailures() {
    return listenerFailures.get();
  }
}
