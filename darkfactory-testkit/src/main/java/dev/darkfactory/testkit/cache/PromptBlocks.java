package dev.darkfactory.testkit.cache;

import dev.darkfactory.testkit.wire.WireFormat;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Splits a request's prompt into blocks in the order providers cache them (tools, system, then messages), each with
 * whether it carries a {@code cache_control} breakpoint.
 */
final class PromptBlocks {

  record Block(String text, boolean breakpoint) {}

  private PromptBlocks() {}

  static List<Block> of(WireFormat format, JsonNode request) {
    List<Block> blocks = new ArrayList<>();
    switch (format) {
      case ANTHROPIC -> {
        request.path("tools").forEach(tool -> blocks.add(block("tool", tool)));
        JsonNode system = request.path("system");
        if (system.isString()) {
          blocks.add(new Block("system:" + system.asString(), false));
        } else {
          system.forEach(part -> blocks.add(block("system", part)));
        }
        for (JsonNode message : request.path("messages")) {
          String role = message.path("role").asString();
          JsonNode content = message.path("content");
          if (content.isString()) {
            blocks.add(new Block(role + ":" + content.asString(), false));
          } else {
            content.forEach(part -> blocks.add(block(role, part)));
          }
        }
      }
      case OPENAI_RESPONSES -> {
        addIfPresent(blocks, "instructions", request.path("instructions"));
        addIfPresent(blocks, "tools", request.path("tools"));
        request.path("input").forEach(item -> blocks.add(block("item", item)));
      }
      case OPENAI_CHAT -> {
        addIfPresent(blocks, "tools", request.path("tools"));
        request.path("messages").forEach(message -> blocks.add(block("message", message)));
      }
      case GEMINI -> {
        addIfPresent(blocks, "system", request.path("systemInstruction"));
        addIfPresent(blocks, "tools", request.path("tools"));
        request.path("contents").forEach(content -> blocks.add(block("content", content)));
      }
    }
    return blocks;
  }

  private static void addIfPresent(List<Block> blocks, String label, JsonNode node) {
    if (!node.isMissingNode() && !node.isNull()) {
      blocks.add(new Block(label + ":" + node, false));
    }
  }

  /** A block's text without its cache_control marker, so marking a block does not change its identity. */
  private static Block block(String label, JsonNode node) {
    boolean breakpoint = node.has("cache_control");
    JsonNode stripped = node;
    if (breakpoint && node instanceof ObjectNode object) {
      ObjectNode copy = object.deepCopy();
      copy.remove("cache_control");
      stripped = copy;
    }
    return new Block(label + ":" + stripped, breakpoint);
  }
}
