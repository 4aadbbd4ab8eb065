package dev.darkfactory.pipeline.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The execution counts one traversal's checkpoint stores: those that differ from the node's
 * occurrences in the traversal's completed list (the file leaves the others implied). A count
 * can only stop or start differing when the node completes again or its execution count changes,
 * so each checkpoint looks at just those nodes: the ones completed and the ones counted since the
 * previous checkpoint. Owned by the traversal's thread.
 */
final class UnimpliedExecutions {
  private final Map<String, Integer> occurrences = new HashMap<>();
  private final Map<String, Integer> differing = new LinkedHashMap<>();
  private final Map<String, Integer> view = Collections.unmodifiableMap(differing);
  private final List<String> touched = new ArrayList<>();
  private int completedSeen;
  private int changesSeen;

  /** The counts to store now, given the traversal's completed list (which only grows). A view, current until the next call. */
  Map<String, Integer> update(List<String> completed, ExecutionCounts executions) {
    touched.clear();
    for (; completedSeen < completed.size(); completedSeen++) {
      String node = completed.get(completedSeen);
      occurrences.merge(node, 1, Integer::sum);
      touched.add(node);
    }
    changesSeen = executions.changesSince(changesSeen, touched::add);
    for (String node : touched) {
      Integer count = executions.get(node);
      if (count != null && count.intValue() != occurrences.getOrDefault(node, 0)) {
        differing.put(node, count);
      } else {
        differing.remove(node);
      }
    }
    return view;
  }
}
