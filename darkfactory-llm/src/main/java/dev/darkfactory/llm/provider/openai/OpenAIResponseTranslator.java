package dev.darkfactory.llm.provider.openai;

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
 * Translates an OpenAI Responses API response (unified-llm-spec §7.5): {@code message} items give text,
 * {@code function_call} items give tool calls, {@code reasoning} summaries give thinking text; the status and
 * {@code incomplete_details} give the finish reason; reasoning and cached tokens come from the usage details (§3.9).
 */
public final class OpenAIResponseTranslator {

  private OpenAIResponseTranslator() {}

  public static Response translate(JsonNode body, String provider, List<Warning> warnings) {
    List<ContentPart> content = new ArrayList<>();
    boolean refused = false;
    for (JsonNode item : body.path("output")) {
      switch (item.path("type").asString()) {
        case "message" -> {
          for (JsonNode part : item.path("content")) {
            switch (part.path("type").asString()) {
              case "output_text" -> content.add(new ContentPart.Text(part.path("text").asString()));
              case "refusal" -> {
                refused = true;
                content.add(new ContentPart.Text(part.path("refusal").asString()));
              }
              default -> content.add(new ContentPart.Custom("openai:" + part.path("type").asString(), part));
            }
          }
        }
        case "function_call" -> content.add(new ContentPart.ToolCallPart(ToolCall.fromRaw(
            item.path("call_id").asString(item.path("id").asString()),
            item.path("name").asString(),
            item.path("arguments").asString())));
        case "reasoning" -> {
          StringBuilder summary = new StringBuilder();
          item.path("summary").forEach(part -> summary.append(part.path("text").asString()));
          if (!summary.isEmpty()) {
            content.add(new ContentPart.Thinking(summary.toString()));
          }
        }
        default -> content.add(new ContentPart.Custom("openai:" + item.path("type").asString(), item));
      }
    }
    Message message = Message.of(Role.ASSISTANT, content);
    FinishReason finish = refused
        ? FinishReason.of(FinishReason.Reason.CONTENT_FILTER, "refusal")
        : finishReason(body, !message.toolCalls().isEmpty());
    List<Warning> allWarnings = new ArrayList<>(warnings);
    if (finish.reason() == FinishReason.Reason.LENGTH) {
      allWarnings.add(Warning.of("truncated", "The output was cut off at max_output_tokens; the answer is incomplete"));
    }
    return new Response(body.path("id").asString(), body.path("model").asString(), provider, message, finish,
        usage(body.path("usage")), Optional.of(body), allWarnings, Optional.empty(), Optional.empty());
  }

  static FinishReason finishReason(JsonNode body, boolean hasToolCalls) {
    String status = body.path("status").asString("completed");
    return switch (status) {
      case "incomplete" -> {
        String reason = body.path("incomplete_details").path("reason").asString("incomplete");
        yield FinishReason.of(reason.equals("content_filter") ? FinishReason.Reason.CONTENT_FILTER : FinishReason.Reason.LENGTH, reason);
      }
      case "failed" -> FinishReason.of(FinishReason.Reason.ERROR, status);
      case "completed" -> hasToolCalls
          ? FinishReason.of(FinishReason.Reason.TOOL_CALLS, "tool_calls")
          : FinishReason.of(FinishReason.Reason.STOP, "stop");
      default -> FinishReason.of(FinishReason.Reason.OTHER, status);
    };
  }

  static Usage usage(JsonNode usage) {
    if (usage.isMissingNode() || usage.isNull()) {
      return Usage.empty();
    }
    int input = usage.path("input_tokens").asInt(0);
    int output = usage.path("output_tokens").asInt(0);
    Usage result = new Usage(input, output, usage.path("total_tokens").asInt(input + output),
        Json.integer(usage.path("output_tokens_details"), "reasoning_tokens"),
        Json.integer(usage.path("input_tokens_details"), "cached_tokens"),
        Optional.empty(), Optional.of(usage));
    return result;
  }
}
