package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.StageStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The serialised form of branch results (attractor-spec.md 4.8 {@code serialize_results}), stored
 * in the context as {@code parallel.results} for the fan-in: a list of objects
 *
 * <pre>
 * {"branch", "index", "outcome", "notes", "failure_reason", "completed_nodes", "join_node",
 *  "cancelled", "score", "context_updates": {...}}
 * </pre>
 *
 * and the merge rule: every context value a branch added or changed is also published as {@code
 * parallel.branch.<branch>.<key>}, so nothing a branch wrote vanishes at the join (3.8 keeps branch
 * contexts out of the parent; these namespaced keys are how they come back).
 */
public final class ParallelResults {
  private ParallelResults() {}

  /** One branch as the fan-in reads it back. */
  public record Candidate(String branch, int index, StageStatus status, String notes, String failureReason, double score,
      Map<String, Object> contextUpdates) {}

  public static List<Map<String, Object>> serialize(List<BranchResult> results) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (BranchResult r : results) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("branch", r.branchId());
      entry.put("index", r.index());
      entry.put("outcome", r.status().wire());
      entry.put("notes", r.outcome().notes());
      entry.put("failure_reason", r.outcome().failureReason());
      entry.put("completed_nodes", r.completedNodes());
      r.joinNode().ifPresent(join -> entry.put("join_node", join));
      entry.put("cancelled", r.cancelled());
      score(r.contextUpdates()).ifPresent(score -> entry.put("score", score));
      entry.put("context_updates", r.contextUpdates());
      list.add(entry);
    }
    return list;
  }

  /** The namespaced copy of every branch's context updates: {@code parallel.branch.<branch>.<key>}. */
  public static Map<String, Object> namespaced(List<BranchResult> results) {
    Map<String, Object> updates = new LinkedHashMap<>();
    for (BranchResult r : results) {
      r.contextUpdates().forEach((key, value) -> updates.put(ContextKeys.PARALLEL_BRANCH_PREFIX + r.branchId() + "." + key, value));
    }
    return updates;
  }

  /** Reads {@code parallel.results} back; malformed entries are skipped. */
  public static List<Candidate> read(Object value) {
    List<Candidate> candidates = new ArrayList<>();
    if (!(value instanceof List<?> list)) {
      return candidates;
    }
    for (Object item : list) {
      if (item instanceof Map<?, ?> map && map.get("branch") instanceof String branch) {
        StageStatus status = map.get("outcome") instanceof String s ? StageStatus.fromWire(s).orElse(StageStatus.FAIL) : StageStatus.FAIL;
        Map<String, Object> updates = new LinkedHashMap<>();
        if (map.get("context_updates") instanceof Map<?, ?> u) {
          u.forEach((k, v) -> updates.put(String.valueOf(k), v));
        }
        candidates.add(new Candidate(branch, map.get("index") instanceof Number n ? n.intValue() : candidates.size(), status,
            text(map.get("notes")), text(map.get("failure_reason")),
            map.get("score") instanceof Number n ? n.doubleValue() : 0.0, updates));
      }
    }
    return candidates;
  }

  /** A branch's {@code score} context value, when it set a number (the fan-in heuristic's tie-break, 4.9). */
  private static Optional<Double> score(Map<String, Object> updates) {
    Object score = updates.get("score");
    if (score instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    if (score instanceof String s) {
      try {
        return Optional.of(Double.parseDouble(s.strip()));
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
