package dev.darkfactory.llm.provider.anthropic;

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
 * Translates an Anthropic Messages response into a unified {@link Response} (unified-llm-spec §7.5): text, thinking
 * with its signature, redacted thinking, and tool_use blocks become content parts; the stop reason and usage
 * (including cache reads and writes) are mapped per §3.8 and §3.9.
 */
public final class AnthropicResponseTranslator {

  private AnthropicResponseTranslator() {}

  public static Response translate(JsonNode body, String provider, List<Warning> warnings) {
    List<ContentPart> content = new ArrayList<>();
    boolean structured = false;
    int thinkingChars = 0;
    for (JsonNode block : body.path("content")) {
      switch (block.path("type").asString()) {
        case "text" -> content.add(new ContentPart.Text(block.path("text").asString()));
        case "thinking" -> {
          thinkingChars += block.path("thinking").asString().length();
          content.add(new ContentPart.Thinking(block.path("thinking").asString(), Json.string(block, "signature")));
        }
        case "redacted_thinking" -> content.add(new ContentPart.RedactedThinking(block.path("data").asString()));
        case "tool_use" -> {
          if (AnthropicRequestTranslator.STRUCTURED_OUTPUT_TOOL.equals(block.path("name").asString())) {
            structured = true;
            content.add(new ContentPart.Text(Json.write(block.path("input"))));
          } else {
            content.add(new ContentPart.ToolCallPart(
                ToolCall.of(block.path("id").asString(), block.path("name").asString(), block.path("input"))));
          }
        }
        default -> content.add(new ContentPart.Custom("anthropic:" + block.path("type").asString(), block));
      }
    }
    String stopReason = body.path("stop_reason").asString();
    FinishReason finish = structured && "tool_use".equals(stopReason)
        ? FinishReason.of(FinishReason.Reason.STOP, stopReason)
        : finishReason(stopReason);
    List<Warning> allWarnings = new ArrayList<>(warnings);
    if (finish.reason() == FinishReason.Reason.LENGTH) {
      allWarnings.add(Warning.of("truncated", "The output was cut off at max_tokens; the answer is incomplete"));
    }
    return new Response(
        body.path("id").asString(),
        body.path("model").asString(),
        provider,
        Message.of(Role.ASSISTANT, content),
        finish,
        usage(body.path("usage"), thinkingChars),
        Optional.of(body),
        allWarnings,
        Optional.empty(),
        Optional.empty());
  }

  /** §3.8: end_turn and stop_sequence are stop, max_tokens is length, tool_use is tool_calls, refusal is filtered. */
  static FinishReason finishReason(String raw) {
    FinishReason.Reason reason = switch (raw) {
      case "end_turn", "stop_sequence" -> FinishReason.Reason.STOP;
      case "max_tokens", "model_context_window_exceeded" -> FinishReason.Reason.LENGTH;
      case "tool_use" -> FinishReason.Reason.TOOL_CALLS;
      case "refusal" -> FinishReason.Reason.CONTENT_FILTER;
      default -> FinishReason.Reason.OTHER;
    };
    return FinishReason.of(reason, raw.isEmpty() ? null : raw);
  }

  /**
   * Anthropic's {@code input_tokens} excludes cached tokens; the unified input count includes them so it means the
   * same for every provider (cache reads and writes are reported separately as well). Reasoning tokens are
   * estimated from the thinking text (about four characters a token), as §3.9 allows.
   */
  static Usage usage(JsonNode usage, int thinkingChars) {
    int cacheRead = usage.path("cache_read_input_tokens").asInt(0);
    int cacheWrite = usage.path("cache_creation_input_tokens").asInt(0);
    int input = usage.path("input_tokens").asInt(0) + cacheRead + cacheWrite;
    int output = usage.path("output_tokens").asInt(0);
    Usage result = Usage.of(input, output)
        .withCache(
            usage.has("cache_read_input_tokens") ? Optional.of(cacheRead) : Optional.empty(),
            usage.has("cache_creation_input_tokens") ? Optional.of(cacheWrite) : Optional.empty())
        .withRaw(usage);
    return thinkingChars > 0 ? result.withReasoningTokens(Math.max(1, (thinkingChars + 3) / 4)) : result;
  }
}
