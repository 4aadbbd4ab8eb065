package dev.darkfactory.testkit.wire;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Gemini API ({@code generateContent}, {@code streamGenerateContent?alt=sse}): candidates and usage metadata. */
final class GeminiEncoder implements WireEncoder {

  @Override
  public JsonNode response(ReplyPlan plan, JsonNode request) {
    ArrayNode parts = Wire.array();
    plan.thinking().ifPresent(text -> {
      ObjectNode part = parts.addObject().put("text", text).put("thought", true);
      plan.thinkingSignature().ifPresent(signature -> part.put("thoughtSignature", signature));
    });
    if (!plan.text().isEmpty()) {
      parts.addObject().put("text", plan.text());
    }
    plan.toolCalls().forEach(call -> parts.addObject().set("functionCall",
        Wire.object().put("name", call.name()).set("args", Wire.parseArguments(call.argumentsJson()))));
    return chunk(plan, parts, true);
  }

  private static ObjectNode chunk(ReplyPlan plan, ArrayNode parts, boolean last) {
    ObjectNode response = Wire.object();
    ObjectNode candidate = response.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content");
    content.set("parts", parts);
    content.put("role", "model");
    if (last) {
      candidate.put("finishReason", switch (plan.finish()) {
        case STOP, TOOL_CALLS -> "STOP";
        case LENGTH -> "MAX_TOKENS";
        case CONTENT_FILTER -> "SAFETY";
      });
    }
    candidate.put("index", 0);
    ObjectNode usage = response.putObject("usageMetadata")
        .put("promptTokenCount", plan.usage().input())
        .put("candidatesTokenCount", Math.max(0, plan.usage().output() - plan.usage().reasoning()))
        .put("totalTokenCount", plan.usage().input() + plan.usage().output());
    if (plan.usage().reasoning() > 0) {
      usage.put("thoughtsTokenCount", plan.usage().reasoning());
    }
    if (plan.usage().cacheRead() > 0) {
      usage.put("cachedContentTokenCount", plan.usage().cacheRead());
    }
    response.put("modelVersion", plan.model()).put("responseId", plan.id());
    return response;
  }

  @Override
  public List<SseFrame> stream(ReplyPlan plan, JsonNode request) {
    List<SseFrame> frames = new ArrayList<>();
    plan.thinking().ifPresent(text -> {
      ArrayNode parts = Wire.array();
      ObjectNode part = parts.addObject().put("text", text).put("thought", true);
      plan.thinkingSignature().ifPresent(signature -> part.put("thoughtSignature", signature));
      frames.add(new SseFrame(null, chunk(plan, parts, false)));
    });
    List<String> pieces = plan.textChunks();
    for (int i = 0; i < pieces.size(); i++) {
      ArrayNode parts = Wire.array();
      parts.addObject().put("text", pieces.get(i));
      boolean last = i == pieces.size() - 1 && plan.toolCalls().isEmpty();
      frames.add(new SseFrame(null, chunk(plan, parts, last)));
    }
    if (!plan.toolCalls().isEmpty()) {
      ArrayNode parts = Wire.array();
      plan.toolCalls().forEach(call -> parts.addObject().set("functionCall",
          Wire.object().put("name", call.name()).set("args", Wire.parseArguments(call.argumentsJson()))));
      frames.add(new SseFrame(null, chunk(plan, parts, true)));
    }
    if (pieces.isEmpty() && plan.toolCalls().isEmpty()) {
      frames.add(new SseFrame(null, chunk(plan, Wire.array(), true)));
    }
    return frames;
  }

  @Override
  public JsonNode error(ErrorKind kind, int status, String message) {
    String grpc = switch (kind) {
      case RATE_LIMIT, BILLING -> "RESOURCE_EXHAUSTED";
      case SERVER -> "INTERNAL";
      case OVERLOADED -> "UNAVAILABLE";
      case AUTHENTICATION, INVALID_REQUEST, CONTEXT_LENGTH, CONTENT_FILTER -> "INVALID_ARGUMENT";
      case PERMISSION -> "PERMISSION_DENIED";
      case NOT_FOUND -> "NOT_FOUND";
    };
    ObjectNode error = Wire.object();
    error.putObject("error").put("code", status).put("message", message).put("status", grpc);
    return error;
  }
}
