package dev.darkfactory.llm.provider.gemini;

import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.FinishReason;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.Role;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.Usage;
import dev.darkfactory.llm.Warning;
import dev.darkfactory.llm.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Translates a Gemini {@code generateContent} response (unified-llm-spec §7.5): parts become text, thought and
 * function-call content (function calls get synthetic {@code call_<uuid>} ids, §3.5); the finish reason is inferred
 * as tool_calls when calls are present (§3.8); a response without {@code responseId} gets a synthetic id.
 */
public final class GeminiResponseTranslator {

  private GeminiResponseTranslator() {}

  public static Response translate(JsonNode body, String provider, String requestedModel, List<Warning> warnings) {
    return translate(body, provider, requestedModel, warnings, GeminiResponseTranslator::newCallId);
  }

  static Response translate(JsonNode body, String provider, String requestedModel, List<Warning> warnings,
      Supplier<String> callIds) {
    JsonNode candidate = body.path("candidates").path(0);
    List<ContentPart> content = new ArrayList<>();
    for (JsonNode part : candidate.path("content").path("parts")) {
      parts(part, callIds).forEach(content::add);
    }
    Message message = Message.of(Role.ASSISTANT, content);
    FinishReason finish = finishReason(candidate.path("finishReason").asString(), !message.toolCalls().isEmpty(),
        body.path("promptFeedback").path("blockReason").asString());
    List<Warning> allWarnings = new ArrayList<>(warnings);
    if (finish.reason() == FinishReason.Reason.LENGTH) {
      allWarnings.add(Warning.of("truncated", "The output was cut off at maxOutputTokens; the answer is incomplete"));
    }
    return new Response(
        Json.string(body, "responseId").orElseGet(() -> "gemini-" + UUID.randomUUID()),
        Json.string(body, "modelVersion").orElse(requestedModel),
        provider, message, finish, usage(body.path("usageMetadata")), Optional.of(body), allWarnings,
        Optional.empty(), Optional.empty());
  }

  /** One Gemini part as unified content; a function call with a thought signature yields two parts. */
  static List<ContentPart> parts(JsonNode part, Supplier<String> callIds) {
    if (part.has("functionCall")) {
      JsonNode call = part.path("functionCall");
      String id = Json.string(call, "id").orElseGet(callIds);
      ContentPart toolCall = new ContentPart.ToolCallPart(ToolCall.of(id, call.path("name").asString(), call.path("args")));
      if (part.has("thoughtSignature")) {
        return List.of(toolCall, signature(part.path("thoughtSignature").asString(), id));
      }
      return List.of(toolCall);
    }
    if (part.path("thought").asBoolean(false)) {
      // The signature is Gemini's own; it travels as a custom part so no other provider is handed it.
      ContentPart thought = new ContentPart.Thinking(part.path("text").asString());
      return part.has("thoughtSignature")
          ? List.of(thought, signature(part.path("thoughtSignature").asString(), null))
          : List.of(thought);
    }
    if (part.has("text")) {
      return List.of(new ContentPart.Text(part.path("text").asString()));
    }
    return List.of(new ContentPart.Custom("gemini:part", part));
  }

  private static ContentPart signature(String signature, String toolCallId) {
    var raw = Json.object().put("signature", signature);
    if (toolCallId != null) {
      raw.put("tool_call_id", toolCallId);
    }
    return new ContentPart.Custom(GeminiRequestTranslator.THOUGHT_SIGNATURE, raw);
  }

  static FinishReason finishReason(String raw, boolean hasToolCalls, String blockReason) {
    if (!blockReason.isEmpty()) {
      return FinishReason.of(FinishReason.Reason.CONTENT_FILTER, blockReason);
    }
    if (hasToolCalls && (raw.isEmpty() || raw.equals("STOP"))) {
      return FinishReason.of(FinishReason.Reason.TOOL_CALLS, raw.isEmpty() ? null : raw);
    }
    FinishReason.Reason reason = switch (raw) {
      case "STOP" -> FinishReason.Reason.STOP;
      case "MAX_TOKENS" -> FinishReason.Reason.LENGTH;
      case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" -> FinishReason.Reason.CONTENT_FILTER;
      case "MALFORMED_FUNCTION_CALL" -> FinishReason.Reason.ERROR;
      default -> FinishReason.Reason.OTHER;
    };
    return FinishReason.of(reason, raw.isEmpty() ? null : raw);
  }

  /**
   * Gemini's {@code candidatesTokenCount} excludes thinking; the unified output count includes it (it is billed
   * as output, as OpenAI counts it), and {@code thoughtsTokenCount} is also reported as reasoning tokens.
   */
  static Usage usage(JsonNode metadata) {
    if (metadata.isMissingNode()) {
      return Usage.empty();
    }
    int input = metadata.path("promptTokenCount").asInt(0);
    Optional<Integer> thoughts = Json.integer(metadata, "thoughtsTokenCount");
    int output = metadata.path("candidatesTokenCount").asInt(0) + thoughts.orElse(0);
    return new Usage(input, output, metadata.path("totalTokenCount").asInt(input + output), thoughts,
        Json.integer(metadata, "cachedContentTokenCount"), Optional.empty(), Optional.of(metadata));
  }

  static String newCallId() {
    return "call_" + UUID.randomUUID();
  }
}
