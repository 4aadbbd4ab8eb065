package dev.darkfactory.agent;

import java.util.Locale;

/** The kinds of {@link AgentEvent} (coding-agent-loop-spec §2.9), plus {@code SUBAGENT_EVENT}. */
public enum EventKind {
  SESSION_START,
  SESSION_END,
  USER_INPUT,
  PROCESSING_END,
  ASSISTANT_TEXT_START,
  ASSISTANT_TEXT_DELTA,
  ASSISTANT_TEXT_END,
  TOOL_CALL_START,
  TOOL_CALL_OUTPUT_DELTA,
  TOOL_CALL_END,
  STEERING_INJECTED,
  TURN_LIMIT,
  LOOP_DETECTION,
  WARNING,
  ERROR,
  /** An extension: a subagent's event, wrapped. */
  SUBAGENT_EVENT;

  /** The snake_case name used in JSON ("tool_call_end"). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
