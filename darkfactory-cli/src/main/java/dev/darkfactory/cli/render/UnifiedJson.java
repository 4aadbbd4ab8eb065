package dev.darkfactory.cli.render;

import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.Usage;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The unified data model as JSON, printed by {@code factory llm complete --json} and by the
 * AttractorBench adapter (unified-llm-spec 3.7 Response, 3.9 Usage, 3.13 StreamEvent): {@code id}, {@code model}, {@code provider}, {@code text}, {@code content}, {@code
 * tool_calls} with parsed arguments, {@code finish_reason}, {@code usage}; stream events keyed by
 * the spec's snake_case {@code type}, text deltas carrying {@code delta}, the last one {@code
 * "done": true}.
 */
public final class UnifiedJson {
  private UnifiedJson() {}

  public static ObjectNode response(Response response) {
    ObjectNode root = JsonNodeFactory.instance.objectNode()
        .put("id", response.id())
        .put("model", response.model())
        .put("provider", response.provider())
        .put("text", response.text());
    ArrayNode content = root.putArray("content");
    for (ContentPart part : response.message().content()) {
      ObjectNode item = content.addObject().put("type", part.kind());
      switch (part) {
        case ContentPart.Text text -> item.put("text", text.text());
        case ContentPart.Thinking thinking -> {
          item.put("text", thinking.text());
          thinking.signature().ifPresent(signature -> item.put("signature", signature));
        }
        case ContentPart.ToolCallPart call -> {
          toolCall(item, call.toolCall());
          item.put("type", part.kind());
        }
        default -> {
          // Other kinds (media, redacted thinking, custom) are listed by type only.
        }
      }
    }
    ArrayNode calls = root.putArray("tool_calls");
    response.toolCalls().forEach(call -> toolCall(calls.addObject(), call));
    root.put("finish_reason", response.finishReason().reason().wireName());
    root.set("usage", usage(response.usage()));
    response.cost().ifPresent(cost -> root.put("cost_usd", cost.total()));
    return root;
  }

  private static void toolCall(ObjectNode item, ToolCall call) {
    item.put("id", call.id()).put("name", call.name()).put("type", "function");
    item.set("arguments", call.arguments());
    call.rawArguments().ifPresent(raw -> item.put("raw_arguments", raw));
  }

  public static ObjectNode usage(Usage usage) {
    ObjectNode node = JsonNodeFactory.instance.objectNode()
        .put("input_tokens", usage.inputTokens())
        .put("output_tokens", usage.outputTokens())
        .put("total_tokens", usage.totalTokens());
    usage.reasoningTokens().ifPresent(value -> node.put("reasoning_tokens", value));
    usage.cacheReadTokens().ifPresent(value -> node.put("cache_read_tokens", value));
    usage.cacheWriteTokens().ifPresent(value -> node.put("cache_write_tokens", value));
    return node;
  }

  /** One NDJSON line per event; empty for provider pass-through events, which say nothing new. */
  public static Optional<ObjectNode> event(StreamEvent event) {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("type", event.type().wireName());
    switch (event) {
      case StreamEvent.StreamStart start -> {
        start.responseId().ifPresent(id -> json.put("id", id));
        start.model().ifPresent(model -> json.put("model", model));
      }
      case StreamEvent.TextStart start -> json.put("text_id", start.textId());
      case StreamEvent.TextDelta delta -> json.put("text_id", delta.textId()).put("delta", delta.delta());
      case StreamEvent.TextEnd end -> json.put("text_id", end.textId());
      case StreamEvent.ReasoningStart start -> json.put("reasoning_id", start.reasoningId());
      // Reasoning deltas are not answer text: they go in reasoning_delta so "delta" concatenates to the text.
      case StreamEvent.ReasoningDelta delta -> json.put("reasoning_id", delta.reasoningId()).put("reasoning_delta", delta.delta());
      case StreamEvent.ReasoningEnd end -> json.put("reasoning_id", end.reasoningId());
      case StreamEvent.ToolCallStart start -> json.put("tool_call_id", start.toolCallId()).put("name", start.name());
      case StreamEvent.ToolCallDelta delta -> json.put("tool_call_id", delta.toolCallId()).put("arguments_delta", delta.argumentsDelta());
      case StreamEvent.ToolCallEnd end -> toolCall(json.putObject("tool_call"), end.toolCall());
      case StreamEvent.StepFinish step -> json.put("finish_reason", step.response().finishReason().reason().wireName());
      case StreamEvent.Finish finish -> {
        json.put("done", true).put("finish_reason", finish.finishReason().reason().wireName());
        json.set("usage", usage(finish.usage()));
        json.set("response", response(finish.response()));
      }
      case StreamEvent.Error error -> {
        json.put("done", true);
        json.setAll(error(error.error()));
      }
      case StreamEvent.ProviderEvent ignored -> {
        return Optional.empty();
      }
    }
    return Optional.of(json);
  }

  public static ObjectNode error(LlmException error) {
    return JsonNodeFactory.instance.objectNode()
        .put("error", error.getMessage())
        .put("error_type", error.kind())
        .put("retryable", error.retryable())
        .put("remedy", error.remedy());
  }

}
