package dev.darkfactory.agent;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A session's events as a blocking iterator (coding-agent-loop-spec §2.9: "delivered via an async
 * iterator or language-appropriate equivalent"). It starts with the session's {@code
 * SESSION_START}, then yields every later event in order, and ends after the session's own {@code
 * SESSION_END} or when closed. Iterate it on its own thread; events queue up unboundedly until
 * taken. Single use.
 */
public final class AgentEventStream implements Iterable<AgentEvent>, AutoCloseable {
  private static final Object END = new Object();

  private final String sessionId;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private volatile Runnable unsubscribe = () -> {};
  private boolean iterated;

  /** Created by {@link Session#events()}. */
  AgentEventStream(String sessionId) {
    this.sessionId = sessionId;
  }

  void onClose(Runnable detach) {
    this.unsubscribe = detach;
  }

  /** Takes one event from the session. */
  void offer(AgentEvent event) {
    queue.add(event);
    if (event instanceof AgentEvent.SessionEnd end && end.sessionId().equals(sessionId)) {
      queue.add(END);
    }
  }

  @Override
  public synchronized Iterator<AgentEvent> iterator() {
    if (iterated) {
      throw new IllegalStateException("An event stream can be iterated once; call Session.events() again.");
    }
    iterated = true;
    return new Iterator<>() {
      private Object next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          try {
            next = queue.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next = END;
          }
        }
        if (next == END) {
          unsubscribe.run();
          return false;
        }
        return true;
      }

      @Override
      public AgentEvent next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        AgentEvent event = (AgentEvent) next;
        next = null;
        return event;
      }
    };
  }

  /** Stops the stream: iteration ends once the events already queued are taken. */
  @Override
  public void close() {
    unsubscribe.run();
    queue.add(END);
  }
}
