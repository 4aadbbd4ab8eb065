package dev.darkfactory.llm.provider.anthropic;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Places Anthropic prompt-cache breakpoints automatically (unified-llm-spec §2.10, §8.6). The heuristic, for
 * agentic loops whose prefix only grows: one {@code cache_control: ephemeral} breakpoint on the last tool
 * definition, one on the last system block, one on the last cacheable block of the previous user turn (so this
 * request reads what the previous one wrote) and one on the last cacheable block of the final message (so the next
 * request can read this one). That is at most four, Anthropic's limit. Requests that already carry
 * {@code cache_control} anywhere are left alone: the caller chose. Opt out with
 * {@code provider_options.anthropic.auto_cache = false}.
 */
final class AnthropicCacheBreakpoints {

  private AnthropicCacheBreakpoints() {}

  static void apply(ObjectNode body) {
    if (hasCacheControl(body)) {
      return;
    }
    lastOf(body.path("tools")).ifPresent(AnthropicCacheBreakpoints::mark);
    lastOf(body.path("system")).ifPresent(AnthropicCacheBreakpoints::mark);
    List<JsonNode> messages = new ArrayList<>();
    body.path("messages").forEach(messages::add);
    if (messages.isEmpty()) {
      return;
    }
    lastCacheable(messages.get(messages.size() - 1)).ifPresent(AnthropicCacheBreakpoints::mark);
    for (int i = messages.size() - 2; i >= 0; i--) {
      if ("user".equals(messages.get(i).path("role").asString())) {
        lastCacheable(messages.get(i)).ifPresent(AnthropicCacheBreakpoints::mark);
        break;
      }
    }
  }

  static boolean hasCacheControl(JsonNode body) {
    return !body.findValues("cache_control").isEmpty();
  }

  private static void mark(ObjectNode block) {
    block.putObject("cache_control").put("type", "ephemeral");
  }

  private static java.util.Optional<ObjectNode> lastOf(JsonNode array) {
    if (!array.isArray() || array.isEmpty()) {
      return java.util.Optional.empty();
    }
    JsonNode last = array.get(array.size() - 1);
    return last instanceof ObjectNode object ? java.util.Optional.of(object) : java.util.Optional.empty();
  }

  /** Thinking blocks cannot carry cache_control; pick the last block that can. */
  private static java.util.Optional<ObjectNode> lastCacheable(JsonNode message) {
    JsonNode content = message.path("content");
    for (int i = content.size() - 1; i >= 0; i--) {
      JsonNode block = content.get(i);
      String type = block.path("type").asString();
      if (!type.equals("thinking") && !type.equals("redacted_thinking") && block instanceof ObjectNode object) {
        return java.util.Optional.of(object);
      }
    }
    return java.util.Optional.empty();
  }
}
