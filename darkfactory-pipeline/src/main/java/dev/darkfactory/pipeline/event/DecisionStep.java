package dev.darkfactory.pipeline.event;

/**
 * Which rule chose the next node (attractor-spec.md 3.3 steps 1-5, failure routing of 3.7, goal
 * gates of 3.4), recorded in every {@link RoutingDecision}.
 */
public enum DecisionStep {
  /** 3.3 step 1: an edge whose condition held (ties broken by weight, then target ID). */
  CONDITION("condition"),
  /** 3.3 step 2: an unconditional edge whose label matches the outcome's preferred label. */
  PREFERRED_LABEL("preferred_label"),
  /** 3.3 step 3: an unconditional edge to one of the outcome's suggested next IDs. */
  SUGGESTED_IDS("suggested_ids"),
  /** 3.3 step 4: the unconditional edge with the highest weight. */
  WEIGHT("weight"),
  /** 3.3 step 5: equal weights, so the target ID that sorts first. */
  LEXICAL("lexical"),
  /** 3.7 step 2: a failed node's {@code retry_target}. */
  RETRY_TARGET("retry_target"),
  /** 3.7 step 3: a failed node's {@code fallback_retry_target}. */
  FALLBACK_RETRY_TARGET("fallback_retry_target"),
  /** The handler named the next node itself (a parallel node continues at its join node). */
  HANDLER("handler"),
  /** No edge and no route: the traversal ends here. */
  NONE("none");

  private final String wire;

  DecisionStep(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
