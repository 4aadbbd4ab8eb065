package dev.darkfactory.llm.provider.openaicompat;

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
import tools.jackson.databind.JsonNode;

/**
 * Translates a Chat Completions response (unified-llm-spec §7.10). Reasoning text that some servers return
 * ({@code reasoning_content} from vLLM and DeepSeek, {@code reasoning} from OpenRouter and Ollama) becomes thinking.
 */
public final class OpenAICompatibleResponseTranslator {

  private OpenAICompatibleResponseTranslator() {}

  public static Response translate(JsonNode body, String provider, String requestedModel, List<Warning> warnings) {
    JsonNode choice = body.path("choices").path(0);
    JsonNode message = choice.path("message");
    List<ContentPart> content = new ArrayList<>();
    reasoning(message).ifPresent(text -> content.add(new ContentPart.Thinking(text)));
    String text = message.path("content").asString();
    if (!text.isEmpty()) {
      content.add(new ContentPart.Text(text));
    }
    for (JsonNode call : message.path("tool_calls")) {
      content.add(new ContentPart.ToolCallPart(ToolCall.fromRaw(call.path("id").asString(),
          call.path("function").path("name").asString(), call.path("function").path("arguments").asString())));
    }
    FinishReason finish = finishReason(choice.path("finish_reason").asString());
    List<Warning> allWarnings = new ArrayList<>(warnings);
    if (finish.reason() == FinishReason.Reason.LENGTH) {
      allWarnings.add(Warning.of("truncated", "The output was cut off at max_tokens; the answer is incomplete"));
    }
    return new Response(body.path("id").asString(), body.path("model").asString(requestedModel), provider,
        Message.of(Role.ASSISTANT, content), finish, usage(body.path("usage")), Optional.of(body), allWarnings,
        Optional.empty(), Optional.empty());
  }

  static Optional<String> reasoning(JsonNode message) {
    return Json.string(message, "reasoning_content").or(() -> Json.string(message, "reasoning")).filter(text -> !text.isEmpty());
  }

  static FinishReason finishReason(String raw) {
    FinishReason.Reason reason = switch (raw) {
      case "stop" -> FinishReason.Reason.STOP;
      case "length" -> FinishReason.Reason.LENGTH;
      case "tool_calls", "function_call" -> FinishReason.Reason.TOOL_CALLS;
      case "content_filter" -> FinishReason.Reason.CONTENT_FILTER;
      default -> FinishReason.Reason.OTHER;
    };
    return FinishReason.of(reason, raw.isEmpty() ? null : raw);
  }

  static Usage usage(JsonNode usage) {
    if (!usage.isObject()) {
      return Usage.empty();
    }
    int input = usage.path("prompt_tokens").asInt(0);
    int output = usage.path("completion_tokens").asInt(0);
    return new Usage(input, output, usage.path("total_tokens").asInt(input + output),
        Json.integer(usage.path("completion_tokens_details"), "reasoning_tokens"),
        Json.integer(usage.path("prompt_tokens_details"), "cached_tokens"), Optional.empty(), Optional.of(usage));
  }
}
