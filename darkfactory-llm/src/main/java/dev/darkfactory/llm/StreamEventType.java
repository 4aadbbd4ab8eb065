package dev.darkfactory.llm;

/** The discriminator of a {@link StreamEvent} (unified-llm-spec §3.14), with its snake_case wire name. */
public enum StreamEventType {
  STREAM_START,
  TEXT_START,
  TEXT_DELTA,
  TEXT_END,
  REASONING_START,
  REASONING_DELTA,
  REASONING_END,
  TOOL_CALL_START,
  TOOL_CALL_DELTA,
  TOOL_CALL_END,
  STEP_FINISH,
  FINISH,
  ERROR,
  PROVIDER_EVENT;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
