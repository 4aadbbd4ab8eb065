package dev.darkfactory.testkit.wire;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The provider API a request speaks, recognized from its path. */
public enum WireFormat {
  OPENAI_RESPONSES,
  OPENAI_CHAT,
  ANTHROPIC,
  GEMINI;

  public static Optional<WireFormat> detect(String path) {
    if (path.contains("generateContent") || path.contains("GenerateContent")) {
      return Optional.of(GEMINI);
    }
    if (path.endsWith("/responses")) {
      return Optional.of(OPENAI_RESPONSES);
    }
    if (path.endsWith("/chat/completions")) {
      return Optional.of(OPENAI_CHAT);
    }
    if (path.endsWith("/messages")) {
      return Optional.of(ANTHROPIC);
    }
    return Optional.empty();
  }

  /**
   * The format of a request to a path that names none (a test endpoint such as {@code /v1/rate-limited}), from the
   * shape of its body and headers.
   */
  public static Optional<WireFormat> sniff(JsonNode body, boolean anthropicHeaders) {
    if (body.has("contents")) {
      return Optional.of(GEMINI);
    }
    if (body.has("input") || body.has("instructions")) {
      return Optional.of(OPENAI_RESPONSES);
    }
    if (body.has("messages")) {
      return Optional.of(anthropicHeaders || body.has("system") && !body.path("system").isMissingNode() ? ANTHROPIC : OPENAI_CHAT);
    }
    return Optional.empty();
  }

  /** Whether the request asked for a stream. */
  public boolean streaming(String path, JsonNode body) {
    return this == GEMINI ? path.contains("streamGenerateContent") : body.path("stream").asBoolean(false);
  }

  /** The model a request names (Gemini puts it in the path). */
  public String model(String path, JsonNode body) {
    if (this == GEMINI) {
      int start = path.indexOf("/models/");
      int end = path.indexOf(':', Math.max(start, 0));
      return start < 0 || end < 0 ? "gemini" : java.net.URLDecoder.decode(path.substring(start + 8, end),
          java.nio.charset.StandardCharsets.UTF_8);
    }
    return body.path("model").asString("model");
  }

  public WireEncoder encoder() {
    return switch (this) {
      case OPENAI_RESPONSES -> new ResponsesEncoder();
      case OPENAI_CHAT -> new ChatEncoder();
      case ANTHROPIC -> new AnthropicEncoder();
      case GEMINI -> new GeminiEncoder();
    };
  }
}
