package dev.darkfactory.llm.config;

/** The HTTP API dialect a provider speaks, as named in a providers file. */
public enum WireFormat {
  /** OpenAI Responses API, {@code POST {base}/responses}. */
  OPENAI_RESPONSES("openai-responses"),
  /** OpenAI Chat Completions, {@code POST {base}/chat/completions}: Ollama, vLLM, LiteLLM, OpenRouter (§7.10). */
  OPENAI_CHAT("openai-chat"),
  /** Anthropic Messages API, {@code POST {base}/v1/messages}. */
  ANTHROPIC("anthropic"),
  /** Gemini API, {@code POST {base}/v1beta/models/{model}:generateContent}. */
  GEMINI("gemini");

  private final String wireName;

  WireFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static WireFormat parse(String name) {
    for (WireFormat format : values()) {
      if (format.wireName.equalsIgnoreCase(name) || format.name().equalsIgnoreCase(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException("Unknown wire format '" + name
        + "': use openai-responses, openai-chat, anthropic or gemini");
  }
}
