package dev.darkfactory.pipeline.condition;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A condition's evaluation, clause by clause: the "why" of an edge choice.
 *
 * @param clauses every clause, evaluated (conditions have no side effects, so the audit shows all
 *     of them even though evaluation proper stops at the first false one)
 * @param result whether the whole condition holds
 */
public record ConditionTrace(Condition condition, List<ClauseTrace> clauses, boolean result) {
  public ConditionTrace {
    Objects.requireNonNull(condition, "condition");
    clauses = List.copyOf(clauses);
  }

  /** One line per clause, or {@code (always) -> true} for an empty condition. */
  public String describe() {
    if (clauses.isEmpty()) {
      return "(always) -> " + result;
    }
    return clauses.stream().map(ClauseTrace::describe).collect(Collectors.joining("; ")) + " => " + result;
  }
}
