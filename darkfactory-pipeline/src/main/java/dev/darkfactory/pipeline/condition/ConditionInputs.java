package dev.darkfactory.pipeline.condition;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a condition can read (attractor-spec.md 10.4): the outcome of the node that just ran and the
 * run context. The engine adapts its {@code Outcome} and {@code Context} to this interface, so the
 * condition language does not depend on the run-time types.
 */
public interface ConditionInputs {

  /** The outcome status as its wire string: {@code success}, {@code fail}, ... (5.2). */
  String outcome();

  /** The outcome's preferred label, or an empty string. */
  String preferredLabel();

  /** The context value stored under {@code key}, as a string, if any. */
  Optional<String> contextValue(String key);

  /** Fixed inputs, for tests, dry runs and tools. */
  static ConditionInputs of(String outcome, String preferredLabel, Map<String, String> context) {
    return new Fixed(outcome, preferredLabel, context);
  }

  /** Inputs given as values. */
  record Fixed(String outcome, String preferredLabel, Map<String, String> context) implements ConditionInputs {
    public Fixed {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(preferredLabel, "preferredLabel");
      context = Map.copyOf(context);
    }

    @Override
    public Optional<String> contextValue(String key) {
      return Optional.ofNullable(context.get(key));
    }
  }
}
