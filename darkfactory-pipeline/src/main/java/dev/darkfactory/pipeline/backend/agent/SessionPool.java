package dev.darkfactory.pipeline.backend.agent;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sessions a run may continue (attractor-spec.md 5.4): each under its thread key, and each
 * stage's session also under the stage's node ID, because the spec's last thread fallback is "the
 * previous node ID". A key names the most recent session registered for it; a session no key names
 * any more is closed once no stage uses it. Everything left is closed with the pool. Thread-safe.
 */
final class SessionPool implements AutoCloseable {
  private final Map<String, AgentSlot> byKey = new HashMap<>();
  private final Set<AgentSlot> all = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean closed;

  /**
   * The open session registered under {@code key} with the same provider, claimed for the caller;
   * empty when there is none, its provider differs, or another stage is using it (parallel branches
   * sharing a thread then each get a fresh session).
   */
  synchronized Optional<AgentSlot> claim(String key, ModelChoice choice) {
    AgentSlot slot = byKey.get(key);
    if (slot == null || !slot.open() || !slot.choice().provider().equals(choice.provider()) || !slot.tryClaim()) {
      return Optional.empty();
    }
    return Optional.of(slot);
  }

  /** Tracks a new slot, so it is closed with the pool even if no key ever names it. */
  synchronized void track(AgentSlot slot) {
    all.add(slot);
  }

  /** Registers {@code slot} under {@code keys}; sessions no key names any more are closed when idle. */
  void register(AgentSlot slot, List<String> keys) {
    List<AgentSlot> orphans = new java.util.ArrayList<>();
    synchronized (this) {
      if (closed) {
        orphans.add(slot);
      } else {
        for (String key : keys) {
          AgentSlot previous = byKey.put(key, slot);
          if (previous != null && previous != slot && !byKey.containsValue(previous)) {
            orphans.add(previous);
          }
        }
      }
    }
    orphans.forEach(this::closeIfIdle);
  }

  /** Forgets a slot whose session has closed. */
  synchronized void discard(AgentSlot slot) {
    byKey.values().removeIf(s -> s == slot);
    all.remove(slot);
  }

  /** Distinct sessions a key names. */
  synchronized int size() {
    Set<AgentSlot> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    distinct.addAll(byKey.values());
    return distinct.size();
  }

  private void closeIfIdle(AgentSlot slot) {
    if (slot.tryClaim()) {
      try {
        close(slot);
        synchronized (this) {
          all.remove(slot);
        }
      } finally {
        slot.release();
      }
    }
  }

  @Override
  public void close() {
    List<AgentSlot> toClose;
    synchronized (this) {
      closed = true;
      toClose = List.copyOf(all);
      all.clear();
      byKey.clear();
    }
    toClose.forEach(SessionPool::close);
  }

  private static void close(AgentSlot slot) {
    if (slot.session() != null) {
      slot.session().close();
    }
  }
}
