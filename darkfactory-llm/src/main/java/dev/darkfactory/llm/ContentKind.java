package dev.darkfactory.llm;

/** The discriminator of a {@link ContentPart} (unified-llm-spec §3.4), with its lower-case wire name. */
public enum ContentKind {
  TEXT("text"),
  IMAGE("image"),
  AUDIO("audio"),
  DOCUMENT("document"),
  TOOL_CALL("tool_call"),
  TOOL_RESULT("tool_result"),
  THINKING("thinking"),
  REDACTED_THINKING("redacted_thinking");

  private final String wireName;

  ContentKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
