package dev.darkfactory.agent;

/** Where a session is in its lifecycle (coding-agent-loop-spec §2.3). */
public enum SessionState {
  /** Waiting for input. */
  IDLE,
  /** Running the agentic loop. */
  PROCESSING,
  /** The model ended its turn with a question for the user. */
  AWAITING_INPUT,
  /** Terminated, normally or by an error; no further input is accepted. */
  CLOSED;

  /** The lower-case name used in JSON. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
