package dev.darkfactory.llm;

import dev.darkfactory.llm.internal.json.Json;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of executing one tool call (unified-llm-spec §5.4).
 *
 * @param toolCallId the {@link ToolCall#id()} this answers
 * @param content text (a JSON string node) or structured output (object or array)
 * @param isError whether the tool failed; the model sees the failure and can adjust (§5.2)
 */
public record ToolResult(String toolCallId, JsonNode content, boolean isError) {
  public ToolResult {
    Objects.requireNonNull(toolCallId, "toolCallId");
    content = content == null ? Json.text("") : content.deepCopy();
  }

  public static ToolResult success(String toolCallId, String text) {
    return new ToolResult(toolCallId, Json.text(text), false);
  }

  public static ToolResult success(String toolCallId, JsonNode content) {
    return new ToolResult(toolCallId, content, false);
  }

  public static ToolResult error(String toolCallId, String message) {
    return new ToolResult(toolCallId, Json.text(message), true);
  }

  /** The content as text: a string content verbatim, structured content serialized as JSON. */
  public String contentText() {
    return content.isString() ? content.stringValue() : Json.write(content);
  }
}
