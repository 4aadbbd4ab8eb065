package dev.darkfactory.pipeline.handler;

/** Facts about a handler that change what the engine does around it. */
public enum HandlerCapability {
  /**
   * The node's work is an LLM call through the {@code CodergenBackend}: its fidelity matters for
   * resume (5.3 step 6), and a scripted backend may script it.
   */
  CALLS_BACKEND,
  /** Parallel branches stop when they reach this node (a fan-in, 4.9); the parallel node continues here. */
  JOINS_BRANCHES,
  /**
   * The node's outgoing edges start parallel branches (4.8) rather than route: the engine never
   * selects among them, and continues at the node the outcome names ({@code continueAt}) or ends.
   */
  FANS_OUT,
  /**
   * The handler does no work and its outcome depends only on the state it reads (a conditional
   * node): executing it again cannot change the result, so the engine never retries it.
   */
  ROUTING_ONLY
}
