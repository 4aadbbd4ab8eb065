package dev.darkfactory.cli.llm;

import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.Usage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders the unified response (and errors) as the JSON documents {@code --json} prints. */
final class ResponseJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ResponseJson() {}

  static String render(Response response) {
    ObjectNode root = MAPPER.createObjectNode()
        .put("id", response.id())
        .put("model", response.model())
        .put("provider", response.provider())
        .put("text", response.text());
    ArrayNode content = root.putArray("content");
    for (ContentPart part : response.message().content()) {
      ObjectNode item = content.addObject().put("type", part.kind());
      switch (part) {
        case ContentPart.Text text -> item.put("text", text.text());
        case ContentPart.Thinking thinking -> item.put("thinking", thinking.text());
        case ContentPart.ToolCallPart call -> item.put("id", call.toolCall().id()).put("name", call.toolCall().name())
            .set("arguments", call.toolCall().arguments());
        default -> {
          // Other kinds are listed by type only.
        }
      }
    }
    ArrayNode calls = root.putArray("tool_calls");
    for (ToolCall call : response.toolCalls()) {
      calls.addObject().put("id", call.id()).put("name", call.name()).set("arguments", call.arguments());
    }
    root.put("finish_reason", response.finishReason().reason().wireName());
    Usage usage = response.usage();
    ObjectNode usageNode = root.putObject("usage").put("input_tokens", usage.inputTokens())
        .put("output_tokens", usage.outputTokens()).put("total_tokens", usage.totalTokens());
    usage.reasoningTokens().ifPresent(value -> usageNode.put("reasoning_tokens", value));
    usage.cacheReadTokens().ifPresent(value -> usageNode.put("cache_read_tokens", value));
    usage.cacheWriteTokens().ifPresent(value -> usageNode.put("cache_write_tokens", value));
    response.cost().ifPresent(cost -> root.put("cost_usd", cost.total()));
    return MAPPER.writeValueAsString(root);
  }

  static String error(LlmException error) {
    return MAPPER.writeValueAsString(MAPPER.createObjectNode()
        .put("error", error.getMessage())
        .put("error_type", error.kind())
        .put("retryable", error.retryable())
        .put("remedy", error.remedy()));
  }
}
