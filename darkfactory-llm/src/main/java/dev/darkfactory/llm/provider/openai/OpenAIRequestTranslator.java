package dev.darkfactory.llm.provider.openai;

import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.ResponseFormat;
import dev.darkfactory.llm.Role;
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
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates a unified request into an OpenAI Responses API body (unified-llm-spec §7.3 "OpenAI Message
 * Translation"): system text becomes {@code instructions}; developer text a {@code developer} input message; tool
 * calls and results become top-level {@code function_call} and {@code function_call_output} items linked by
 * {@code call_id}; {@code reasoning_effort} becomes {@code reasoning.effort}; structured output uses
 * {@code text.format} with a strict-mode schema (§4.5). Function tools use the Responses API's flat shape.
 */
public final class OpenAIRequestTranslator {

  private static final Set<String> CONSUMED_OPTIONS = Set.of("tools");

  private OpenAIRequestTranslator() {}

  public static WireRequest translate(Request request, boolean stream, String providerName) {
    ObjectNode options = request.optionsFor("openai");
    if (!"openai".equals(providerName)) {
      JsonObjects.merge(options, request.optionsFor(providerName), Set.of());
    }
    List<Warning> warnings = new ArrayList<>();
    ObjectNode body = Json.object();
    body.put("model", request.model());
    String instructions = request.messages().stream()
        .filter(message -> message.role() == Role.SYSTEM)
        .map(Message::text)
        .filter(text -> !text.isEmpty())
        .collect(Collectors.joining("\n\n"));
    if (!instructions.isEmpty()) {
      body.put("instructions", instructions);
    }
    body.set("input", input(request.messages()));
    tools(request, body, options);
    request.maxTokens().ifPresent(value -> body.put("max_output_tokens", value));
    request.temperature().ifPresent(value -> body.put("temperature", value));
    request.topP().ifPresent(value -> body.put("top_p", value));
    if (!request.stopSequences().isEmpty()) {
      warnings.add(Warning.of("unsupported_parameter", "The OpenAI Responses API has no stop sequences; they were not sent"));
    }
    request.reasoningEffort().ifPresent(effort -> body.putObject("reasoning").put("effort", effort));
    request.responseFormat().ifPresent(format -> responseFormat(format, body));
    if (!request.metadata().isEmpty()) {
      ObjectNode metadata = body.putObject("metadata");
      request.metadata().forEach(metadata::put);
    }
    if (stream) {
      body.put("stream", true);
    }
    JsonObjects.merge(body, options, CONSUMED_OPTIONS);
    return new WireRequest(body, Map.of(), warnings);
  }

  static ArrayNode input(List<Message> messages) {
    ArrayNode input = Json.array();
    for (Message message : messages) {
      switch (message.role()) {
        case SYSTEM -> {
          // Sent as instructions.
        }
        case DEVELOPER -> input.addObject().put("type", "message").put("role", "developer")
            .set("content", Json.array().add(Json.object().put("type", "input_text").put("text", message.text())));
        case USER -> input.add(message("user", message));
        case ASSISTANT -> assistant(message, input);
        case TOOL -> toolResults(message, input);
      }
    }
    return input;
  }

  private static ObjectNode message(String role, Message message) {
    ObjectNode item = Json.object().put("type", "message").put("role", role);
    ArrayNode content = item.putArray("content");
    for (ContentPart part : message.content()) {
      switch (part) {
        case ContentPart.Text text -> content.addObject().put("type", "input_text").put("text", text.text());
        case ContentPart.Image image -> {
          ObjectNode block = content.addObject().put("type", "input_image")
              .put("image_url", ResolvedMedia.of(image.image(), "image/png").dataUri());
          image.image().detail().ifPresent(detail -> block.put("detail", detail));
        }
        case ContentPart.Document document -> {
          ResolvedMedia media = ResolvedMedia.of(document.document(), "application/pdf");
          ObjectNode block = content.addObject().put("type", "input_file");
          if (media.url().isPresent()) {
            block.put("file_url", media.url().get());
          } else {
            block.put("filename", document.document().fileName().orElse("document.pdf")).put("file_data", media.dataUri());
          }
        }
        case ContentPart.Audio audio -> {
          ResolvedMedia media = ResolvedMedia.of(audio.audio(), "audio/wav");
          content.addObject().put("type", "input_audio").putObject("input_audio")
              .put("data", media.base64().orElse(""))
              .put("format", media.mediaType().substring(media.mediaType().indexOf('/') + 1));
        }
        case ContentPart.ToolCallPart ignored -> {
          // Only assistants call tools.
        }
        case ContentPart.ToolResultPart ignored -> {
          // Tool results are top-level items.
        }
        case ContentPart.Thinking ignored -> {
          // Reasoning is not replayed as user content.
        }
        case ContentPart.RedactedThinking ignored -> {
          // Opaque to other providers.
        }
        case ContentPart.Custom custom -> {
          if (custom.kind().startsWith("openai:")) {
            content.add(custom.raw());
          }
        }
      }
    }
    return item;
  }

  /** Assistant text becomes an output message; each tool call a top-level function_call item, in order. */
  private static void assistant(Message message, ArrayNode input) {
    ArrayNode text = Json.array();
    for (ContentPart part : message.content()) {
      switch (part) {
        case ContentPart.Text t -> text.addObject().put("type", "output_text").put("text", t.text());
        case ContentPart.ToolCallPart call -> {
          flush(text, input);
          text = Json.array();
          input.addObject()
              .put("type", "function_call")
              .put("call_id", call.toolCall().id())
              .put("name", call.toolCall().name())
              .put("arguments", call.toolCall().argumentsJson());
        }
        case ContentPart.Custom custom -> {
          if (custom.kind().startsWith("openai:")) {
            input.add(custom.raw());
          }
        }
        default -> {
          // Thinking from other providers, media: not replayable as assistant output.
        }
      }
    }
    flush(text, input);
  }

  private static void flush(ArrayNode text, ArrayNode input) {
    if (!text.isEmpty()) {
      input.addObject().put("type", "message").put("role", "assistant").set("content", text);
    }
  }

  private static void toolResults(Message message, ArrayNode input) {
    for (ContentPart part : message.content()) {
      if (part instanceof ContentPart.ToolResultPart result) {
        input.addObject()
            .put("type", "function_call_output")
            .put("call_id", result.toolResult().toolCallId())
            .put("output", result.toolResult().contentText());
      }
    }
  }

  private static void tools(Request request, ObjectNode body, ObjectNode options) {
    ArrayNode tools = Json.array();
    for (ToolDefinition tool : request.tools()) {
      tools.addObject()
          .put("type", "function")
          .put("name", tool.name())
          .put("description", tool.description())
          .set("parameters", tool.parameters());
    }
    options.path("tools").forEach(builtIn -> tools.add(builtIn.deepCopy()));
    if (!tools.isEmpty()) {
      body.set("tools", tools);
    }
    request.toolChoice().ifPresent(choice -> body.set("tool_choice", switch (choice.mode()) {
      case AUTO -> Json.text("auto");
      case NONE -> Json.text("none");
      case REQUIRED -> Json.text("required");
      case NAMED -> Json.object().put("type", "function").put("name", choice.toolName().orElseThrow());
    }));
  }

  private static void responseFormat(ResponseFormat format, ObjectNode body) {
    ObjectNode text = body.putObject("text");
    switch (format.type()) {
      case TEXT -> text.putObject("format").put("type", "text");
      case JSON -> text.putObject("format").put("type", "json_object");
      case JSON_SCHEMA -> {
        JsonNode schema = format.jsonSchema().orElseThrow();
        text.putObject("format")
            .put("type", "json_schema")
            .put("name", "output")
            .put("strict", format.strict())
            .set("schema", format.strict() ? SchemaRewriter.forOpenAiStrict(schema) : schema);
      }
    }
  }
}
