package dev.darkfactory.llm;

import dev.darkfactory.llm.internal.json.Json;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One turn of a conversation (unified-llm-spec §3.1).
 *
 * @param role who produced it
 * @param content the multimodal body
 * @param name optional attribution for tool and developer messages
 * @param toolCallId links a tool-result message to its call
 */
public record Message(Role role, List<ContentPart> content, Optional<String> name, Optional<String> toolCallId) {
  public Message {
    Objects.requireNonNull(role, "role");
    content = List.copyOf(content);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(toolCallId, "toolCallId");
  }

  public static Message of(Role role, List<ContentPart> content) {
    return new Message(role, content, Optional.empty(), Optional.empty());
  }

  public static Message system(String text) {
    return of(Role.SYSTEM, List.of(ContentPart.text(text)));
  }

  public static Message developer(String text) {
    return of(Role.DEVELOPER, List.of(ContentPart.text(text)));
  }

  public static Message user(String text) {
    return of(Role.USER, List.of(ContentPart.text(text)));
  }

  public static Message user(ContentPart... parts) {
    return of(Role.USER, List.of(parts));
  }

  public static Message assistant(String text) {
    return of(Role.ASSISTANT, List.of(ContentPart.text(text)));
  }

  /** A tool-result message answering {@code toolCallId} (§3.1 {@code Message.tool_result}). */
  public static Message toolResult(String toolCallId, String content, boolean isError) {
    return toolResult(new ToolResult(toolCallId, Json.text(content), isError));
  }

  public static Message toolResult(ToolResult result) {
    return new Message(
        Role.TOOL,
        List.of(new ContentPart.ToolResultPart(result)),
        Optional.empty(),
        Optional.of(result.toolCallId()));
  }

  /** The concatenation of all text parts; empty when there are none (§3.1). */
  public String text() {
    return content.stream()
        .filter(ContentPart.Text.class::isInstance)
        .map(part -> ((ContentPart.Text) part).text())
        .collect(Collectors.joining());
  }

  /** The tool calls in this message, in order. */
  public List<ToolCall> toolCalls() {
    return content.stream()
        .filter(ContentPart.ToolCallPart.class::isInstance)
        .map(part -> ((ContentPart.ToolCallPart) part).toolCall())
        .toList();
  }
}
