package dev.darkfactory.pipeline.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Handler invocations per node across a run: retries, parallel branches, restarts and resumes
 * included (a scripted backend answers the n-th execution with its n-th entry). Also logs which
 * node's count changed, in order, so each traversal can keep the counts its checkpoint stores
 * (those that differ from the node's visits, {@link UnimpliedExecutions}) up to date from what
 * changed since its last checkpoint rather than by comparing every node after every node.
 * Thread-safe: parallel branches count concurrently.
 */
final class ExecutionCounts {
  private final Map<String, Integer> counts = new HashMap<>();
  /** The node of every change, in order; a traversal remembers how far it has read. */
  private final List<String> changes = new ArrayList<>();

  ExecutionCounts(Map<String, Integer> initial) {
    initial.forEach((node, count) -> {
      counts.put(node, count);
      changes.add(node);
    });
  }

  /** Counts one more invocation of {@code node} and returns the new count. */
  synchronized int increment(String node) {
    changes.add(node);
    return counts.merge(node, 1, Integer::sum);
  }

  /** Takes back the last invocation of {@code node} (a visit abandoned because the run is stopping). */
  synchronized void decrement(String node) {
    changes.add(node);
    counts.computeIfPresent(node, (id, count) -> count > 1 ? count - 1 : null);
  }

  /** Raises the counts to at least {@code recorded} (a branch checkpoint being resumed). */
  synchronized void raiseTo(Map<String, Integer> recorded) {
    recorded.forEach((node, count) -> {
      if (count > counts.getOrDefault(node, 0)) {
        counts.put(node, count);
        changes.add(node);
      }
    });
  }

  /** The count of {@code node}, or null when it never ran. */
  synchronized Integer get(String node) {
    return counts.get(node);
  }

  /** A copy of every count. */
  synchronized Map<String, Integer> snapshot() {
    return new LinkedHashMap<>(counts);
  }

  /** Passes the node of every change after the first {@code seen} to {@code changed}; returns how many changes there are now. */
  synchronized int changesSince(int seen, Consumer<String> changed) {
    for (int i = seen; i < changes.size(); i++) {
      changed.accept(changes.get(i));
    }
    return changes.size();
  }
}
