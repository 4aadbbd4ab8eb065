package dev.darkfactory.agent;

/** Why processing of an input ended (coding-agent-loop-spec §2.8). */
public enum StopReason {
  /** The model answered with text only: natural completion. */
  COMPLETED,
  /** {@code max_tool_rounds_per_input} was reached. */
  ROUND_LIMIT,
  /** {@code max_turns} was reached. */
  TURN_LIMIT,
  /** The host aborted; the session is closed. */
  ABORTED,
  /** The conversation no longer fits the model's context window; the session stays usable (Appendix B). */
  CONTEXT_LENGTH,
  /**
   * The model's answer was cut off by the output token limit with no tool call to run: the text is
   * incomplete, so this is not a completion (an extension; see docs/agent.md).
   */
  OUTPUT_TRUNCATED,
  /** An error ended processing; see {@link SubmitResult#error()}. */
  FAILED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
