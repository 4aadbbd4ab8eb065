package dev.darkfactory.llm.provider.gemini;

import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.ResponseFormat;
import dev.darkfactory.llm.Role;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolDefinition;
import dev.darkfactory.llm.ToolResult;
import dev.darkfactory.llm.Warning;
import dev.darkfactory.llm.internal.http.WireRequest;
import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.llm.internal.json.JsonObjects;
import dev.darkfactory.llm.internal.json.SchemaRewriter;
import dev.darkfactory.llm.internal.media.ResolvedMedia;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates a unified request into a Gemini {@code generateContent} body (unified-llm-spec §7.3 "Gemini Message
 * Translation"): system and developer text go to {@code systemInstruction}; assistant turns use role
 * {@code model}; tool results become {@code functionResponse} parts named after the function (looked up from the
 * synthetic call id in the history) with string results wrapped as {@code {"result": ...}}; thought signatures
 * recorded on a call are replayed on it; schemas lose the keywords Gemini rejects.
 */
public final class GeminiRequestTranslator {

  /** The custom content kind that carries a Gemini thought signature for the tool call before it. */
  static final String THOUGHT_SIGNATURE = "gemini:thought_signature";
  private static final Map<String, Integer> THINKING_BUDGETS = Map.of("low", 1024, "medium", 8192, "high", 24576);

  private GeminiRequestTranslator() {}

  public static WireRequest translate(Request request, String providerName) {
    ObjectNode options = request.optionsFor("gemini");
    if (!"gemini".equals(providerName)) {
      JsonObjects.merge(options, request.optionsFor(providerName), Set.of());
    }
    List<Warning> warnings = new ArrayList<>();
    ObjectNode body = Json.object();
    String system = request.messages().stream()
        .filter(message -> message.role() == Role.SYSTEM || message.role() == Role.DEVELOPER)
        .map(Message::text)
        .filter(text -> !text.isEmpty())
        .collect(Collectors.joining("\n\n"));
    if (!system.isEmpty()) {
      body.putObject("systemInstruction").putArray("parts").addObject().put("text", system);
    }
    body.set("contents", contents(request.messages()));
    tools(request, body);
    ObjectNode generation = Json.object();
    request.temperature().ifPresent(value -> generation.put("temperature", value));
    request.topP().ifPresent(value -> generation.put("topP", value));
    request.maxTokens().ifPresent(value -> generation.put("maxOutputTokens", value));
    if (!request.stopSequences().isEmpty()) {
      ArrayNode stops = generation.putArray("stopSequences");
      request.stopSequences().forEach(stops::add);
    }
    request.responseFormat().ifPresent(format -> responseFormat(format, generation));
    request.reasoningEffort().ifPresent(effort -> {
      Integer budget = THINKING_BUDGETS.get(effort);
      if (budget == null) {
        warnings.add(Warning.of("unsupported_reasoning_effort", "Unknown reasoning_effort '" + effort + "' ignored"));
      } else {
        generation.putObject("thinkingConfig").put("thinkingBudget", budget).put("includeThoughts", true);
      }
    });
    if (!generation.isEmpty()) {
      body.set("generationConfig", generation);
    }
    JsonObjects.merge(body, options, Set.of());
    return new WireRequest(body, Map.of(), warnings);
  }

  static ArrayNode contents(List<Message> messages) {
    Map<String, String> namesById = new HashMap<>();
    ArrayNode contents = Json.array();
    for (Message message : messages) {
      if (message.role() == Role.SYSTEM || message.role() == Role.DEVELOPER) {
        continue;
      }
      ArrayNode parts = Json.array();
      List<ContentPart> content = message.content();
      for (int index = 0; index < content.size(); index++) {
        ContentPart part = content.get(index);
        switch (part) {
          case ContentPart.Text text -> parts.addObject().put("text", text.text());
          case ContentPart.Image image -> parts.add(media(ResolvedMedia.of(image.image(), "image/png")));
          case ContentPart.Audio audio -> parts.add(media(ResolvedMedia.of(audio.audio(), "audio/wav")));
          case ContentPart.Document document -> parts.add(media(ResolvedMedia.of(document.document(), "application/pdf")));
          case ContentPart.ToolCallPart call -> {
            ToolCall toolCall = call.toolCall();
            namesById.put(toolCall.id(), toolCall.name());
            parts.addObject().putObject("functionCall").put("name", toolCall.name()).set("args", toolCall.arguments());
          }
          case ContentPart.ToolResultPart result -> parts.add(functionResponse(result.toolResult(), namesById));
          case ContentPart.Thinking thinking -> {
            // Only Gemini's own thoughts are replayed: they are followed by their signature part.
            // Thinking from other providers carries no meaning (or a foreign signature) here.
            if (index + 1 < content.size() && content.get(index + 1) instanceof ContentPart.Custom next
                && THOUGHT_SIGNATURE.equals(next.kind())) {
              parts.addObject().put("text", thinking.text()).put("thought", true);
            }
          }
          case ContentPart.RedactedThinking ignored -> {
            // Anthropic-only; meaningless to Gemini.
          }
          case ContentPart.Custom custom -> {
            if (THOUGHT_SIGNATURE.equals(custom.kind()) && !parts.isEmpty()) {
              ((ObjectNode) parts.get(parts.size() - 1)).put("thoughtSignature", custom.raw().path("signature").asString());
            }
          }
        }
      }
      if (parts.isEmpty()) {
        continue;
      }
      String role = message.role() == Role.ASSISTANT ? "model" : "user";
      JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
      if (last != null && role.equals(last.path("role").asString())) {
        ((ArrayNode) last.path("parts")).addAll(parts); // keep turns alternating, as with Anthropic
      } else {
        contents.addObject().put("role", role).set("parts", parts);
      }
    }
    return contents;
  }

  private static ObjectNode media(ResolvedMedia media) {
    ObjectNode part = Json.object();
    if (media.url().isPresent()) {
      part.putObject("fileData").put("mimeType", media.mediaType()).put("fileUri", media.url().get());
    } else {
      part.putObject("inlineData").put("mimeType", media.mediaType()).put("data", media.base64().orElseThrow());
    }
    return part;
  }

  private static ObjectNode functionResponse(ToolResult result, Map<String, String> namesById) {
    JsonNode content = result.content();
    ObjectNode response = content.isObject() ? (ObjectNode) content.deepCopy() : Json.object().set("result", content);
    if (result.isError()) {
      response = Json.object().set("error", content);
    }
    ObjectNode part = Json.object();
    part.putObject("functionResponse")
        .put("name", namesById.getOrDefault(result.toolCallId(), result.toolCallId()))
        .set("response", response);
    return part;
  }

  private static void tools(Request request, ObjectNode body) {
    if (request.tools().isEmpty()) {
      return;
    }
    ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
    for (ToolDefinition tool : request.tools()) {
      declarations.addObject()
          .put("name", tool.name())
          .put("description", tool.description())
          .set("parameters", SchemaRewriter.forGemini(tool.parameters()));
    }
    request.toolChoice().ifPresent(choice -> {
      ObjectNode config = body.putObject("toolConfig").putObject("functionCallingConfig");
      switch (choice.mode()) {
        case AUTO -> config.put("mode", "AUTO");
        case NONE -> config.put("mode", "NONE");
        case REQUIRED -> config.put("mode", "ANY");
        case NAMED -> {
          config.put("mode", "ANY");
          config.putArray("allowedFunctionNames").add(choice.toolName().orElseThrow());
        }
      }
    });
  }

  private static void responseFormat(ResponseFormat format, ObjectNode generation) {
    switch (format.type()) {
      case TEXT -> {
        // Default.
      }
      case JSON -> generation.put("responseMimeType", "application/json");
      case JSON_SCHEMA -> {
        generation.put("responseMimeType", "application/json");
        generation.set("responseSchema", SchemaRewriter.forGemini(format.jsonSchema().orElseThrow()));
      }
    }
  }
}
