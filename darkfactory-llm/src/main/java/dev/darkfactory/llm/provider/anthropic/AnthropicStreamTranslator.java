package dev.darkfactory.llm.provider.anthropic;

import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.StreamAccumulator;
import dev.darkfactory.llm.StreamEvent;
import dev.darkfactory.llm.StreamException;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.Usage;
import dev.darkfactory.llm.Warning;
import dev.darkfactory.llm.internal.http.ProviderErrors;
import dev.darkfactory.llm.internal.http.StreamTranslator;
import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.llm.internal.sse.SseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates Anthropic's Messages stream (unified-llm-spec §7.7 "Anthropic Streaming"): content blocks become
 * start/delta/end segments keyed by block index; thinking signatures arrive as {@code signature_delta} and are kept
 * for the end event; the structured-output extraction tool streams as text; {@code message_stop} yields the Finish
 * event; an {@code error} event yields a classified Error event.
 */
public final class AnthropicStreamTranslator implements StreamTranslator {

  private final String provider;
  private final StreamAccumulator accumulator;
  private final List<Warning> warnings;
  private final Map<Integer, Block> blocks = new HashMap<>();
  private JsonNode startUsage = Json.object();
  private final ObjectNode finalUsage = Json.object();
  private String stopReason = "";
  private int thinkingChars;
  private boolean finished;

  public AnthropicStreamTranslator(String provider, String model, List<Warning> warnings) {
    this.provider = provider;
    this.accumulator = new StreamAccumulator(provider, model);
    this.warnings = List.copyOf(warnings);
  }

  private record Block(String type, String id, String name, StringBuilder buffer, StringBuilder signature) {}

  @Override
  public List<StreamEvent> onEvent(SseEvent event) {
    if (event.data().isBlank()) {
      return List.of();
    }
    JsonNode data = Json.parse(event.data());
    String type = data.path("type").asString(event.event().orElse(""));
    List<StreamEvent> out = new ArrayList<>();
    switch (type) {
      case "message_start" -> {
        JsonNode message = data.path("message");
        startUsage = message.path("usage");
        out.add(new StreamEvent.StreamStart(Json.string(message, "id"), Json.string(message, "model"), warnings));
      }
      case "content_block_start" -> start(data.path("index").asInt(), data.path("content_block"), out);
      case "content_block_delta" -> delta(data.path("index").asInt(), data.path("delta"), out);
      case "content_block_stop" -> stop(data.path("index").asInt(), out);
      case "message_delta" -> {
        stopReason = data.path("delta").path("stop_reason").asString(stopReason);
        data.path("usage").properties().forEach(entry -> finalUsage.set(entry.getKey(), entry.getValue()));
      }
      case "message_stop" -> out.add(finish());
      case "error" -> {
        JsonNode error = data.path("error");
        String kind = error.path("type").asString("error");
        int status = "overloaded_error".equals(kind) ? 529 : "rate_limit_error".equals(kind) ? 429 : 500;
        out.add(new StreamEvent.Error(ProviderErrors.fromResponse(provider, status,
            java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), Json.writeBytes(data))));
        finished = true;
      }
      case "ping" -> {
        // Keep-alive.
      }
      default -> out.add(new StreamEvent.ProviderEvent(type, data));
    }
    out.forEach(accumulator::process);
    return out;
  }

  private void start(int index, JsonNode block, List<StreamEvent> out) {
    String type = block.path("type").asString();
    Block state = new Block(type, block.path("id").asString("block_" + index), block.path("name").asString(),
        new StringBuilder(), new StringBuilder());
    blocks.put(index, state);
    switch (type) {
      case "text" -> {
        out.add(new StreamEvent.TextStart("text_" + index));
        String initial = block.path("text").asString();
        if (!initial.isEmpty()) {
          out.add(new StreamEvent.TextDelta("text_" + index, initial));
        }
      }
      case "thinking" -> out.add(new StreamEvent.ReasoningStart("reasoning_" + index));
      case "redacted_thinking" -> {
        state.buffer().append(block.path("data").asString());
        out.add(new StreamEvent.ReasoningStart("reasoning_" + index));
      }
      case "tool_use" -> {
        if (isStructuredOutput(state)) {
          out.add(new StreamEvent.TextStart("text_" + index));
        } else {
          out.add(new StreamEvent.ToolCallStart(state.id(), state.name()));
        }
      }
      default -> out.add(new StreamEvent.ProviderEvent("content_block_start", block));
    }
  }

  private void delta(int index, JsonNode delta, List<StreamEvent> out) {
    Block state = blocks.get(index);
    if (state == null) {
      throw new StreamException("Anthropic sent a delta for content block " + index + " that never started");
    }
    switch (delta.path("type").asString()) {
      case "text_delta" -> out.add(new StreamEvent.TextDelta("text_" + index, delta.path("text").asString()));
      case "thinking_delta" -> {
        thinkingChars += delta.path("thinking").asString().length();
        out.add(new StreamEvent.ReasoningDelta("reasoning_" + index, delta.path("thinking").asString()));
      }
      case "signature_delta" -> state.signature().append(delta.path("signature").asString());
      case "input_json_delta" -> {
        String fragment = delta.path("partial_json").asString();
        state.buffer().append(fragment);
        out.add(isStructuredOutput(state)
            ? new StreamEvent.TextDelta("text_" + index, fragment)
            : new StreamEvent.ToolCallDelta(state.id(), fragment));
      }
      default -> out.add(new StreamEvent.ProviderEvent("content_block_delta", delta));
    }
  }

  private void stop(int index, List<StreamEvent> out) {
    Block state = blocks.get(index);
    if (state == null) {
      return;
    }
    switch (state.type()) {
      case "text" -> out.add(new StreamEvent.TextEnd("text_" + index));
      case "thinking" -> out.add(new StreamEvent.ReasoningEnd("reasoning_" + index,
          state.signature().isEmpty() ? Optional.empty() : Optional.of(state.signature().toString()), Optional.empty()));
      case "redacted_thinking" -> out.add(new StreamEvent.ReasoningEnd("reasoning_" + index, Optional.empty(),
          Optional.of(state.buffer().toString())));
      case "tool_use" -> out.add(isStructuredOutput(state)
          ? new StreamEvent.TextEnd("text_" + index)
          : new StreamEvent.ToolCallEnd(ToolCall.fromRaw(state.id(), state.name(), state.buffer().toString())));
      default -> {
        // Unknown blocks were passed through at their start.
      }
    }
  }

  private static boolean isStructuredOutput(Block block) {
    return "tool_use".equals(block.type()) && AnthropicRequestTranslator.STRUCTURED_OUTPUT_TOOL.equals(block.name());
  }

  private StreamEvent finish() {
    finished = true;
    ObjectNode usageNode = startUsage.isObject() ? (ObjectNode) startUsage.deepCopy() : Json.object();
    finalUsage.properties().forEach(entry -> usageNode.set(entry.getKey(), entry.getValue()));
    Usage usage = AnthropicResponseTranslator.usage(usageNode, thinkingChars);
    boolean structured = blocks.values().stream().anyMatch(AnthropicStreamTranslator::isStructuredOutput);
    FinishReason reason = structured && "tool_use".equals(stopReason)
        ? FinishReason.of(FinishReason.Reason.STOP, stopReason)
        : AnthropicResponseTranslator.finishReason(stopReason);
    return new StreamEvent.Finish(reason, usage, accumulator.build(reason, usage, Optional.empty()));
  }

  @Override
  public boolean finished() {
    return finished;
  }

  @Override
  public List<StreamEvent> onClose() {
    throw new StreamException("The Anthropic stream ended before message_stop: the connection closed early");
  }
}
