package dev.darkfactory.llm.provider.openaicompat;

import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.ResponseFormat;
import dev.darkfactory.llm.ToolDefinition;
import dev.darkfactory.llm.Warning;
import dev.darkfactory.llm.internal.http.WireRequest;
import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.llm.internal.json.JsonObjects;
import dev.darkfactory.llm.internal.json.SchemaRewriter;
import dev.darkfactory.llm.internal.media.ResolvedMedia;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates a unified request into a Chat Completions body for OpenAI-compatible servers (unified-llm-spec §7.10):
 * Ollama, vLLM, LiteLLM, OpenRouter. System and developer text become {@code system} messages; assistant tool calls
 * use {@code tool_calls}; each tool result is its own {@code tool} message. Streams ask for a final usage chunk.
 */
public final class OpenAICompatibleRequestTranslator {

  private OpenAICompatibleRequestTranslator() {}

  public static WireRequest translate(Request request, boolean stream, String providerName) {
    List<Warning> warnings = new ArrayList<>();
    ObjectNode body = Json.object();
    body.put("model", request.model());
    body.set("messages", messages(request.messages()));
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolDefinition tool : request.tools()) {
        tools.addObject().put("type", "function").putObject("function")
            .put("name", tool.name()).put("description", tool.description()).set("parameters", tool.parameters());
      }
    }
    request.toolChoice().ifPresent(choice -> body.set("tool_choice", switch (choice.mode()) {
      case AUTO -> Json.text("auto");
      case NONE -> Json.text("none");
      case REQUIRED -> Json.text("required");
      case NAMED -> Json.object().put("type", "function").set("function", Json.object().put("name", choice.toolName().orElseThrow()));
    }));
    request.maxTokens().ifPresent(value -> body.put("max_tokens", value));
    request.temperature().ifPresent(value -> body.put("temperature", value));
    request.topP().ifPresent(value -> body.put("top_p", value));
    if (!request.stopSequences().isEmpty()) {
      ArrayNode stops = body.putArray("stop");
      request.stopSequences().forEach(stops::add);
    }
    request.reasoningEffort().ifPresent(effort -> body.put("reasoning_effort", effort));
    request.responseFormat().ifPresent(format -> responseFormat(format, body));
    if (stream) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    JsonObjects.merge(body, request.optionsFor(providerName), Set.of());
    return new WireRequest(body, Map.of(), warnings);
  }

  static ArrayNode messages(List<Message> messages) {
    ArrayNode out = Json.array();
    for (Message message : messages) {
      switch (message.role()) {
        case SYSTEM, DEVELOPER -> out.addObject().put("role", "system").put("content", message.text());
        case USER -> out.add(user(message));
        case ASSISTANT -> out.add(assistant(message));
        case TOOL -> {
          for (ContentPart part : message.content()) {
            if (part instanceof ContentPart.ToolResultPart result) {
              out.addObject().put("role", "tool")
                  .put("tool_call_id", result.toolResult().toolCallId())
                  .put("content", result.toolResult().contentText());
            }
          }
        }
      }
    }
    return out;
  }

  private static ObjectNode user(Message message) {
    ObjectNode entry = Json.object().put("role", "user");
    boolean textOnly = message.content().stream().allMatch(ContentPart.Text.class::isInstance);
    if (textOnly) {
      return entry.put("content", message.text());
    }
    ArrayNode content = entry.putArray("content");
    for (ContentPart part : message.content()) {
      switch (part) {
        case ContentPart.Text text -> content.addObject().put("type", "text").put("text", text.text());
        case ContentPart.Image image -> {
          ObjectNode url = content.addObject().put("type", "image_url").putObject("image_url")
              .put("url", ResolvedMedia.of(image.image(), "image/png").dataUri());
          image.image().detail().ifPresent(detail -> url.put("detail", detail));
        }
        default -> {
          // Audio and documents have no portable Chat Completions form across compatible servers.
        }
      }
    }
    return entry;
  }

  private static ObjectNode assistant(Message message) {
    ObjectNode entry = Json.object().put("role", "assistant");
    String text = message.text();
    if (text.isEmpty()) {
      entry.putNull("content");
    } else {
      entry.put("content", text);
    }
    if (!message.toolCalls().isEmpty()) {
      ArrayNode calls = entry.putArray("tool_calls");
      message.toolCalls().forEach(call -> calls.addObject()
          .put("id", call.id())
          .put("type", "function")
          .set("function", Json.object().put("name", call.name()).put("arguments", call.argumentsJson())));
    }
    return entry;
  }

  private static void responseFormat(ResponseFormat format, ObjectNode body) {
    switch (format.type()) {
      case TEXT -> {
        // Default.
      }
      case JSON -> body.putObject("response_format").put("type", "json_object");
      case JSON_SCHEMA -> {
        JsonNode schema = format.jsonSchema().orElseThrow();
        body.putObject("response_format").put("type", "json_schema").putObject("json_schema")
            .put("name", "output")
            .put("strict", format.strict())
            .set("schema", format.strict() ? SchemaRewriter.forOpenAiStrict(schema) : schema);
      }
    }
  }
}
