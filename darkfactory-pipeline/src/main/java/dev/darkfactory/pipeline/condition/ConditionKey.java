package dev.darkfactory.pipeline.condition;

import java.util.Objects;

/** The left side of a clause: what a condition reads (attractor-spec.md 10.2 and 10.4). */
public sealed interface ConditionKey {

  /** The key as written in canonical form. */
  String text();

  /** {@code outcome}: the status of the node that just ran. */
  record OutcomeStatus() implements ConditionKey {
    @Override
    public String text() {
      return "outcome";
    }
  }

  /** {@code preferred_label}: the preferred label of that node's outcome. */
  record PreferredLabel() implements ConditionKey {
    @Override
    public String text() {
      return "preferred_label";
    }
  }

  /**
   * A context value: {@code context.<path>} when {@code qualified}, else a bare key that 10.4 looks
   * up in the context directly.
   *
   * @param path the key without the {@code context.} prefix
   */
  record ContextValue(String path, boolean qualified) implements ConditionKey {
    public ContextValue {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String text() {
      return qualified ? "context." + path : path;
    }
  }
}
