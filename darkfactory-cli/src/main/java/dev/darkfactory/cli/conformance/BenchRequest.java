package dev.darkfactory.cli.conformance;

import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.MediaData;
import dev.darkfactory.llm.MediaSource;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.Role;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolDefinition;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tier-1 request as the benchmark sends it (OpenAI chat-style messages, tools as {@code
 * {"name","description","parameters"}}), translated into the unified {@link Request}
 * (unified-llm-spec 3.1-3.6).
 *
 * @param request the unified request, without a provider when the JSON names none
 * @param stream the JSON's {@code "stream"} flag
 * @param testEndpoint {@code _test_endpoint}: send to this path on the provider's host instead
 * @param responseSchema {@code response_schema}, for {@code generate-object}
 */
record BenchRequest(Request request, boolean stream, Optional<String> testEndpoint, Optional<JsonNode> responseSchema) {

  static BenchRequest parse(String json) {
    ObjectNode root = BenchJson.parseObject(json, "the request");
    String model = BenchJson.text(root, "model");
    if (model == null || model.isBlank()) {
      throw ConformanceFailure.invalidRequest("the request has no \"model\"");
    }
    Request.Builder builder = Request.builder(model).messages(messages(root.path("messages")));
    Optional.ofNullable(BenchJson.text(root, "provider")).filter(p -> !p.isBlank()).ifPresent(builder::provider);
    if (root.path("max_tokens").isNumber()) {
      builder.maxTokens(root.path("max_tokens").asInt());
    }
    if (root.path("temperature").isNumber()) {
      builder.temperature(root.path("temperature").asDouble());
    }
    Optional.ofNullable(BenchJson.text(root, "reasoning_effort")).ifPresent(builder::reasoningEffort);
    if (root.path("tools").isArray() && !root.path("tools").isEmpty()) {
      builder.tools(tools(root.path("tools")));
    }
    Optional<JsonNode> schema = root.path("response_schema").isObject() ? Optional.of(root.get("response_schema")) : Optional.empty();
    Optional<String> endpoint = Optional.ofNullable(BenchJson.text(root, "_test_endpoint")).filter(p -> !p.isBlank());
    return new BenchRequest(builder.build(), root.path("stream").asBoolean(false), endpoint, schema);
  }

  private static List<Message> messages(JsonNode array) {
    if (!array.isArray() || array.isEmpty()) {
      throw ConformanceFailure.invalidRequest("the request has no \"messages\"");
    }
    List<Message> messages = new ArrayList<>();
    for (JsonNode message : array) {
      messages.add(message(message));
    }
    return messages;
  }

  private static Message message(JsonNode message) {
    String role = message.path("role").asString("user");
    return switch (role) {
      case "system" -> Message.system(textOf(message.path("content")));
      case "developer" -> Message.developer(textOf(message.path("content")));
      case "user" -> Message.of(Role.USER, parts(message.path("content")));
      case "assistant" -> assistant(message);
      case "tool" -> Message.toolResult(message.path("tool_call_id").asString(""), textOf(message.path("content")), false);
      default -> throw ConformanceFailure.invalidRequest("unknown message role \"" + role + "\"");
    };
  }

  /** An assistant turn: its text, then its tool calls with {@code function.arguments} as a JSON string. */
  private static Message assistant(JsonNode message) {
    List<ContentPart> content = new ArrayList<>();
    String text = textOf(message.path("content"));
    if (!text.isEmpty()) {
      content.add(new ContentPart.Text(text));
    }
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      JsonNode arguments = function.path("arguments");
      String raw = arguments.isString() ? arguments.asString() : arguments.isMissingNode() ? "{}" : arguments.toString();
      content.add(new ContentPart.ToolCallPart(ToolCall.fromRaw(call.path("id").asString(""), function.path("name").asString(""), raw)));
    }
    return Message.of(Role.ASSISTANT, content);
  }

  private static List<ContentPart> parts(JsonNode content) {
    if (!content.isArray()) {
      return List.of(new ContentPart.Text(textOf(content)));
    }
    List<ContentPart> parts = new ArrayList<>();
    for (JsonNode part : content) {
      switch (part.path("type").asString("text")) {
        case "image_url", "image" -> parts.add(new ContentPart.Image(image(part)));
        default -> parts.add(new ContentPart.Text(part.path("text").asString("")));
      }
    }
    return parts;
  }

  /** {@code image_url} as an object or a string; {@code data:} URLs are decoded to inline bytes. */
  private static MediaData image(JsonNode part) {
    JsonNode imageUrl = part.path("image_url");
    String url = imageUrl.isObject() ? imageUrl.path("url").asString("") : imageUrl.asString(part.path("url").asString(""));
    if (url.startsWith("data:")) {
      int comma = url.indexOf(',');
      String header = url.substring(5, Math.max(5, comma));
      String mediaType = header.replace(";base64", "");
      byte[] bytes = comma < 0 ? new byte[0] : header.endsWith(";base64")
          ? Base64.getMimeDecoder().decode(url.substring(comma + 1))
          : url.substring(comma + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return mediaType.isEmpty() ? MediaData.of(new MediaSource.Inline(bytes)) : MediaData.of(new MediaSource.Inline(bytes), mediaType);
    }
    return MediaData.of(new MediaSource.Url(url));
  }

  private static String textOf(JsonNode content) {
    if (content.isString()) {
      return content.asString();
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      content.forEach(part -> text.append(part.path("text").asString("")));
      return text.toString();
    }
    return "";
  }

  /** Tools in the contract's flat form, or OpenAI's {@code {"type":"function","function":{...}}}. */
  private static List<ToolDefinition> tools(JsonNode array) {
    List<ToolDefinition> tools = new ArrayList<>();
    for (JsonNode tool : array) {
      JsonNode definition = tool.has("function") ? tool.get("function") : tool;
      String name = definition.path("name").asString("");
      if (name.isBlank()) {
        throw ConformanceFailure.invalidRequest("a tool has no \"name\"");
      }
      JsonNode parameters = definition.path("parameters").isObject()
          ? definition.get("parameters")
          : BenchJson.object().put("type", "object").set("properties", BenchJson.object());
      tools.add(new ToolDefinition(name, definition.path("description").asString(""), parameters));
    }
    return tools;
  }
}
