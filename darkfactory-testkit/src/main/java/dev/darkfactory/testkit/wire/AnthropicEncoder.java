package dev.darkfactory.testkit.wire;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Anthropic Messages API ({@code POST /v1/messages}): message objects and the content-block event stream. */
final class AnthropicEncoder implements WireEncoder {

  @Override
  public JsonNode response(ReplyPlan plan, JsonNode request) {
    ObjectNode message = envelope(plan);
    ArrayNode content = message.putArray("content");
    plan.thinking().ifPresent(text -> content.addObject().put("type", "thinking").put("thinking", text)
        .put("signature", plan.thinkingSignature().orElse("sig_twin")));
    plan.redactedThinking().ifPresent(data -> content.addObject().put("type", "redacted_thinking").put("data", data));
    if (!plan.text().isEmpty()) {
      content.addObject().put("type", "text").put("text", plan.text());
    }
    plan.toolCalls().forEach(call -> content.addObject().put("type", "tool_use").put("id", call.id())
        .put("name", call.name()).set("input", Wire.parseArguments(call.argumentsJson())));
    message.put("stop_reason", stopReason(plan)).putNull("stop_sequence");
    message.set("usage", usage(plan, plan.usage().output()));
    return message;
  }

  private static ObjectNode envelope(ReplyPlan plan) {
    return Wire.object().put("id", plan.id()).put("type", "message").put("role", "assistant").put("model", plan.model());
  }

  private static String stopReason(ReplyPlan plan) {
    return switch (plan.finish()) {
      case STOP -> "end_turn";
      case LENGTH -> "max_tokens";
      case TOOL_CALLS -> "tool_use";
      case CONTENT_FILTER -> "refusal";
    };
  }

  /** Anthropic's input_tokens counts only the uncached part of the prompt. */
  private static ObjectNode usage(ReplyPlan plan, int output) {
    ReplyPlan.PlannedUsage usage = plan.usage();
    return Wire.object()
        .put("input_tokens", Math.max(0, usage.input() - usage.cacheRead() - usage.cacheWrite()))
        .put("cache_creation_input_tokens", usage.cacheWrite())
        .put("cache_read_input_tokens", usage.cacheRead())
        .put("output_tokens", output);
  }

  @Override
  public List<SseFrame> stream(ReplyPlan plan, JsonNode request) {
    List<SseFrame> frames = new ArrayList<>();
    ObjectNode start = envelope(plan);
    start.putArray("content");
    start.putNull("stop_reason").putNull("stop_sequence");
    start.set("usage", usage(plan, 1));
    frames.add(frame("message_start", Wire.object().set("message", start)));
    int index = 0;
    if (plan.thinking().isPresent()) {
      frames.add(blockStart(index, Wire.object().put("type", "thinking").put("thinking", "")));
      for (String piece : ReplyPlan.chunks(plan.thinking().get(), plan.chunkSize())) {
        frames.add(delta(index, Wire.object().put("type", "thinking_delta").put("thinking", piece)));
      }
      frames.add(delta(index, Wire.object().put("type", "signature_delta").put("signature", plan.thinkingSignature().orElse("sig_twin"))));
      frames.add(blockStop(index++));
    }
    if (plan.redactedThinking().isPresent()) {
      frames.add(blockStart(index, Wire.object().put("type", "redacted_thinking").put("data", plan.redactedThinking().get())));
      frames.add(blockStop(index++));
    }
    frames.add(frame("ping", Wire.object()));
    if (!plan.text().isEmpty()) {
      frames.add(blockStart(index, Wire.object().put("type", "text").put("text", "")));
      for (String piece : plan.textChunks()) {
        frames.add(delta(index, Wire.object().put("type", "text_delta").put("text", piece)));
      }
      frames.add(blockStop(index++));
    }
    for (ReplyPlan.PlannedCall call : plan.toolCalls()) {
      frames.add(blockStart(index, Wire.object().put("type", "tool_use").put("id", call.id()).put("name", call.name())
          .set("input", Wire.object())));
      for (String piece : ReplyPlan.chunks(call.argumentsJson(), plan.chunkSize())) {
        frames.add(delta(index, Wire.object().put("type", "input_json_delta").put("partial_json", piece)));
      }
      frames.add(blockStop(index++));
    }
    ObjectNode messageDelta = Wire.object();
    messageDelta.putObject("delta").put("stop_reason", stopReason(plan)).putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", plan.usage().output());
    frames.add(frame("message_delta", messageDelta));
    frames.add(frame("message_stop", Wire.object()));
    return frames;
  }

  private static SseFrame blockStart(int index, ObjectNode block) {
    return frame("content_block_start", Wire.object().put("index", index).set("content_block", block));
  }

  private static SseFrame delta(int index, ObjectNode delta) {
    return frame("content_block_delta", Wire.object().put("index", index).set("delta", delta));
  }

  private static SseFrame blockStop(int index) {
    return frame("content_block_stop", Wire.object().put("index", index));
  }

  private static SseFrame frame(String type, ObjectNode data) {
    ObjectNode payload = Wire.object().put("type", type);
    payload.setAll(data);
    return new SseFrame(type, payload);
  }

  @Override
  public JsonNode error(ErrorKind kind, int status, String message) {
    String type = switch (kind) {
      case RATE_LIMIT -> "rate_limit_error";
      case SERVER -> "api_error";
      case OVERLOADED -> "overloaded_error";
      case AUTHENTICATION -> "authentication_error";
      case PERMISSION -> "permission_error";
      case NOT_FOUND -> "not_found_error";
      case INVALID_REQUEST, BILLING, CONTEXT_LENGTH, CONTENT_FILTER -> "invalid_request_error";
    };
    ObjectNode error = Wire.object().put("type", "error");
    error.putObject("error").put("type", type).put("message", message);
    return error;
  }
}
