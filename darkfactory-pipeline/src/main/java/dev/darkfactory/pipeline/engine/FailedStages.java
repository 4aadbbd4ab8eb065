package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.event.DecisionStep;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.StageStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The failed stages a run passes over (issue 11): a stage whose FAIL no fail edge, retry target or
 * conditional node routed, so the run went on along an unconditional edge (3.3 steps 2-5) instead
 * of ending. A failure a condition routed (a fail edge, a diamond testing {@code outcome}) or a
 * retry target took is handled, not passed over; a stage that failed and later succeeded is not
 * reported either. A conditional node passes the status through (4.7), so a failure that flows
 * into one is pending until the diamond routes it or the next stage runs.
 *
 * <p>Both lists live in the context under {@code internal.} keys, so they are checkpointed with it
 * and survive a resume; each {@code loop_restart} starts afresh, as its run does.
 */
final class FailedStages {
  private FailedStages() {}

  /** After a top-level node completed and its route was chosen. */
  static void routed(Context context, String nodeId, StageStatus status, boolean routingOnly, DecisionStep step) {
    Set<String> passed = list(context, ContextKeys.PASSED_OVER);
    Set<String> pending = list(context, ContextKeys.PASSED_OVER_PENDING);
    if (!routingOnly) {
      passed.addAll(pending); // a stage ran before anything routed them
      pending.clear();
    }
    boolean handled = step == DecisionStep.CONDITION || step == DecisionStep.RETRY_TARGET || step == DecisionStep.FALLBACK_RETRY_TARGET;
    if (status == StageStatus.FAIL && handled) {
      pending.clear();
      passed.remove(nodeId);
    } else if (status == StageStatus.FAIL && !routingOnly) {
      pending.add(nodeId);
    } else if (!routingOnly) {
      passed.remove(nodeId);
    }
    store(context, ContextKeys.PASSED_OVER, passed);
    store(context, ContextKeys.PASSED_OVER_PENDING, pending);
  }

  /** What a run that reached its end passed over, in completion order: stages whose latest visit failed. */
  static List<String> of(TraversalState state) {
    Set<String> failed = list(state.context(), ContextKeys.PASSED_OVER);
    failed.addAll(list(state.context(), ContextKeys.PASSED_OVER_PENDING)); // pending at the exit: nothing routed them
    Map<String, StageStatus> outcomes = state.outcomes();
    return state.completed().stream().distinct().filter(failed::contains).filter(id -> outcomes.get(id) == StageStatus.FAIL).toList();
  }

  private static Set<String> list(Context context, String key) {
    Set<String> ids = new LinkedHashSet<>();
    context.get(key).filter(List.class::isInstance).ifPresent(value -> ((List<?>) value).forEach(id -> ids.add(String.valueOf(id))));
    return ids;
  }

  private static void store(Context context, String key, Set<String> ids) {
    if (ids.isEmpty()) {
      context.remove(key);
    } else {
      context.set(key, new ArrayList<>(ids));
    }
  }
}
