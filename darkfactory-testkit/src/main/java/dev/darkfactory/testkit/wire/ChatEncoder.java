package dev.darkfactory.testkit.wire;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI Chat Completions ({@code POST /v1/chat/completions}), as Ollama, vLLM, LiteLLM and OpenRouter serve it. */
final class ChatEncoder implements WireEncoder {

  @Override
  public JsonNode response(ReplyPlan plan, JsonNode request) {
    ObjectNode response = envelope(plan, "chat.completion");
    ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    if (plan.text().isEmpty()) {
      message.putNull("content");
    } else {
      message.put("content", plan.text());
    }
    plan.thinking().ifPresent(text -> message.put("reasoning_content", text));
    if (!plan.toolCalls().isEmpty()) {
      ArrayNode calls = message.putArray("tool_calls");
      plan.toolCalls().forEach(call -> calls.addObject().put("id", call.id()).put("type", "function")
          .set("function", Wire.object().put("name", call.name()).put("arguments", call.argumentsJson())));
    }
    choice.put("finish_reason", finish(plan));
    response.set("usage", usage(plan));
    return response;
  }

  private static ObjectNode envelope(ReplyPlan plan, String object) {
    return Wire.object().put("id", plan.id()).put("object", object).put("created", 1_767_225_600L).put("model", plan.model());
  }

  private static String finish(ReplyPlan plan) {
    return switch (plan.finish()) {
      case STOP -> "stop";
      case LENGTH -> "length";
      case TOOL_CALLS -> "tool_calls";
      case CONTENT_FILTER -> "content_filter";
    };
  }

  private static ObjectNode usage(ReplyPlan plan) {
    ObjectNode usage = Wire.object().put("prompt_tokens", plan.usage().input()).put("completion_tokens", plan.usage().output())
        .put("total_tokens", plan.usage().input() + plan.usage().output());
    usage.putObject("prompt_tokens_details").put("cached_tokens", plan.usage().cacheRead());
    usage.putObject("completion_tokens_details").put("reasoning_tokens", plan.usage().reasoning());
    return usage;
  }

  @Override
  public List<SseFrame> stream(ReplyPlan plan, JsonNode request) {
    List<SseFrame> frames = new ArrayList<>();
    frames.add(chunk(plan, Wire.object().put("role", "assistant").put("content", ""), null));
    plan.thinking().ifPresent(text -> ReplyPlan.chunks(text, plan.chunkSize())
        .forEach(piece -> frames.add(chunk(plan, Wire.object().put("reasoning_content", piece), null))));
    plan.textChunks().forEach(piece -> frames.add(chunk(plan, Wire.object().put("content", piece), null)));
    for (int i = 0; i < plan.toolCalls().size(); i++) {
      ReplyPlan.PlannedCall call = plan.toolCalls().get(i);
      ObjectNode first = Wire.object();
      first.putArray("tool_calls").addObject().put("index", i).put("id", call.id()).put("type", "function")
          .set("function", Wire.object().put("name", call.name()).put("arguments", ""));
      frames.add(chunk(plan, first, null));
      for (String piece : ReplyPlan.chunks(call.argumentsJson(), plan.chunkSize())) {
        ObjectNode delta = Wire.object();
        delta.putArray("tool_calls").addObject().put("index", i).set("function", Wire.object().put("arguments", piece));
        frames.add(chunk(plan, delta, null));
      }
    }
    frames.add(chunk(plan, Wire.object(), finish(plan)));
    if (request.path("stream_options").path("include_usage").asBoolean(false)) {
      ObjectNode usageChunk = envelope(plan, "chat.completion.chunk");
      usageChunk.putArray("choices");
      usageChunk.set("usage", usage(plan));
      frames.add(new SseFrame(null, usageChunk));
    }
    return frames;
  }

  private static SseFrame chunk(ReplyPlan plan, ObjectNode delta, String finishReason) {
    ObjectNode chunk = envelope(plan, "chat.completion.chunk");
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return new SseFrame(null, chunk);
  }

  @Override
  public boolean doneMarker() {
    return true;
  }

  @Override
  public JsonNode error(ErrorKind kind, int status, String message) {
    return new ResponsesEncoder().error(kind, status, message);
  }
}
