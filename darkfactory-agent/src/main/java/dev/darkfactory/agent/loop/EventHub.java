package dev.darkfactory.agent.loop;

import dev.darkfactory.agent.AgentEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers a session's events (coding-agent-loop-spec §2.9): to each listener synchronously and in
 * one total order, even when parallel tool calls emit from several threads. Listeners must be
 * quick; a host that needs to do slow work reads an event stream on its own thread.
 */
public final class EventHub {
  private final List<Consumer<AgentEvent>> listeners = new CopyOnWriteArrayList<>();
  private volatile AgentEvent.SessionStart start;

  public EventHub() {
    // Listeners are added with subscribe and attach.
  }

  public synchronized void emit(AgentEvent event) {
    if (event instanceof AgentEvent.SessionStart sessionStart && start == null) {
      start = sessionStart;
    }
    for (Consumer<AgentEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException broken) {
        // A failing listener is the host's bug; it must not stop the agent or starve the others.
      }
    }
  }

  /** Adds a listener; the returned action removes it. */
  public Runnable subscribe(Consumer<AgentEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Subscribes {@code sink} after handing it {@code SESSION_START}, atomically, so a late
   * subscriber misses nothing from then on and still sees the session begin.
   */
  public synchronized Runnable attach(Consumer<AgentEvent> sink) {
    if (start != null) {
      sink.accept(start);
    }
    return subscribe(sink);
  }
}
