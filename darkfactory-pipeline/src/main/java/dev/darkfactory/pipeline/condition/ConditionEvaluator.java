package dev.darkfactory.pipeline.condition;

import dev.darkfactory.pipeline.condition.Clause.Comparison;
import dev.darkfactory.pipeline.condition.Clause.Truthiness;
import dev.darkfactory.pipeline.condition.ConditionKey.ContextValue;
import dev.darkfactory.pipeline.condition.ConditionKey.OutcomeStatus;
import dev.darkfactory.pipeline.condition.ConditionKey.PreferredLabel;
import java.util.ArrayList;
import java.util.List;

/** Evaluates parsed conditions against an outcome and a context (attractor-spec.md 10.3-10.5). */
public final class ConditionEvaluator {
  private ConditionEvaluator() {}

  /** True when every clause holds, checked left to right; an empty condition always holds. */
  public static boolean evaluate(Condition condition, ConditionInputs inputs) {
    for (Clause clause : condition.clauses()) {
      if (!holds(clause, resolve(clause.key(), inputs))) {
        return false;
      }
    }
    return true;
  }

  /** Evaluates every clause and records how each was decided. */
  public static ConditionTrace explain(Condition condition, ConditionInputs inputs) {
    List<ClauseTrace> traces = new ArrayList<>(condition.clauses().size());
    boolean result = true;
    for (Clause clause : condition.clauses()) {
      String resolved = resolve(clause.key(), inputs);
      boolean holds = holds(clause, resolved);
      traces.add(new ClauseTrace(clause, resolved, holds));
      result &= holds;
    }
    return new ConditionTrace(condition, traces, result);
  }

  /**
   * 10.4: {@code context.x} reads {@code context.x}, then {@code x}; an unqualified key reads the
   * context directly; a missing value is the empty string.
   */
  public static String resolve(ConditionKey key, ConditionInputs inputs) {
    return switch (key) {
      case OutcomeStatus outcome -> inputs.outcome();
      case PreferredLabel label -> inputs.preferredLabel();
      case ContextValue value -> value.qualified()
          ? inputs.contextValue("context." + value.path()).or(() -> inputs.contextValue(value.path())).orElse("")
          : inputs.contextValue(value.path()).orElse("");
    };
  }

  private static boolean holds(Clause clause, String resolved) {
    return switch (clause) {
      case Comparison comparison -> comparison.operator().test(resolved, comparison.literal().value());
      case Truthiness truthiness -> isTruthy(resolved);
    };
  }

  /**
   * A bare key holds when its value is non-empty and not {@code false}. 10.5 writes {@code
   * bool(value)}, which for the string {@code "false"} would be true; a context flag set to false
   * must not open the edge, so {@code false} (the condition language's own boolean literal) is
   * falsy too.
   */
  static boolean isTruthy(String value) {
    return !value.isEmpty() && !value.equals("false");
  }
}
