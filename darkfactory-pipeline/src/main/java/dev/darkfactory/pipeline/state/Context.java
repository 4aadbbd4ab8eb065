package dev.darkfactory.pipeline.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The run's shared key-value store (attractor-spec.md 5.1): thread-safe, with an append-only log.
 *
 * <p>Values are normalised to immutable JSON shapes ({@link ContextValues}), so {@link #snapshot()}
 * and {@link #copy()} (the spec's {@code clone()}) are deep copies by construction. Well-known keys
 * are in {@link ContextKeys}.
 */
public final class Context {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Object> values;
  private final List<String> logs;

  public Context() {
    this(new LinkedHashMap<>(), new ArrayList<>());
  }

  private Context(Map<String, Object> values, List<String> logs) {
    this.values = values;
    this.logs = logs;
  }

  /** A context holding {@code initial} (normalised) and {@code logs}. */
  public static Context of(Map<String, ?> initial, List<String> logs) {
    return new Context(new LinkedHashMap<>(ContextValues.normalizeAll(initial)), new ArrayList<>(logs));
  }

  public static Context of(Map<String, ?> initial) {
    return of(initial, List.of());
  }

  public void set(String key, Object value) {
    Objects.requireNonNull(key, "key");
    Object normal = ContextValues.normalize(value);
    lock.writeLock().lock();
    try {
      values.put(key, normal);
    } finally {
      lock.writeLock().unlock();
    }
  }

  public void remove(String key) {
    lock.writeLock().lock();
    try {
      values.remove(key);
    } finally {
      lock.writeLock().unlock();
    }
  }

  public Optional<Object> get(String key) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(values.get(key));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The value's text form ({@link ContextValues#text}), or {@code fallback} when absent. */
  public String getString(String key, String fallback) {
    return get(key).map(ContextValues::text).orElse(fallback);
  }

  /** The value's text form, or an empty string when absent (5.1 {@code get_string}). */
  public String getString(String key) {
    return getString(key, "");
  }

  public boolean has(String key) {
    return get(key).isPresent();
  }

  /** Merges {@code updates} in one step, so readers never see half of them (5.1 {@code apply_updates}). */
  public void applyUpdates(Map<String, ?> updates) {
    Map<String, Object> normal = ContextValues.normalizeAll(updates);
    lock.writeLock().lock();
    try {
      values.putAll(normal);
    } finally {
      lock.writeLock().unlock();
    }
  }

  public void appendLog(String entry) {
    lock.writeLock().lock();
    try {
      logs.add(entry);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** An unmodifiable copy of every value, in insertion order. */
  public Map<String, Object> snapshot() {
    lock.readLock().lock();
    try {
      return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    } finally {
      lock.readLock().unlock();
    }
  }

  public List<String> logs() {
    lock.readLock().lock();
    try {
      return List.copyOf(logs);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * An independent copy for a parallel branch (5.1 {@code clone()}, 3.8): later writes to either
   * context are invisible to the other.
   */
  public Context copy() {
    lock.readLock().lock();
    try {
      return new Context(new LinkedHashMap<>(values), new ArrayList<>(logs));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "Context" + snapshot();
  }
}
