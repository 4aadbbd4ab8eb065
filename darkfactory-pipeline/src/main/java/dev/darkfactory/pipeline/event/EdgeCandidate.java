package dev.darkfactory.pipeline.event;

import dev.darkfactory.pipeline.condition.ConditionTrace;
import java.util.Objects;
import java.util.Optional;

/**
 * One outgoing edge as edge selection saw it.
 *
 * @param index the edge's position among the node's outgoing edges, in declaration order
 * @param evaluation how its condition was evaluated, clause by clause; empty for unconditional edges
 */
public record EdgeCandidate(int index, String to, String label, String condition, long weight, Optional<ConditionTrace> evaluation) {
  public EdgeCandidate {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(evaluation, "evaluation");
  }

  /** True when the edge has a condition and it held. */
  public boolean conditionHeld() {
    return evaluation.map(ConditionTrace::result).orElse(false);
  }
}
