package dev.darkfactory.llm.provider.anthropic;

import dev.darkfactory.llm.ConfigurationException;
import dev.darkfactory.llm.ContentPart;
import dev.darkfactory.llm.Message;
import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.ResponseFormat;
import dev.darkfactory.llm.Role;
import dev.darkfactory.llm.ToolChoice;
import dev.darkfactory.llm.ToolDefinition;
import dev.darkfactory.llm.ToolResult;
import dev.darkfactory.llm.Warning;
import dev.darkfactory.llm.internal.http.WireRequest;
import dev.darkfactory.llm.internal.json.Json;
import dev.darkfactory.llm.internal.json.JsonObjects;
import dev.darkfactory.llm.internal.media.ResolvedMedia;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates a unified request into an Anthropic Messages API body (unified-llm-spec §7.3 "Anthropic Message
 * Translation"): system and developer text go to {@code system}; tool results become {@code tool_result} blocks in
 * user messages; consecutive same-role messages merge to keep strict alternation; thinking blocks replay verbatim
 * with their signatures; {@code max_tokens} defaults to 4096; tool choice "none" omits the tools; structured output
 * uses a forced extraction tool (§4.5); {@code cache_control} breakpoints are placed by
 * {@link AnthropicCacheBreakpoints} unless {@code auto_cache} is false.
 */
public final class AnthropicRequestTranslator {

  /** The extraction tool used for structured output; its input is the object. */
  static final String STRUCTURED_OUTPUT_TOOL = "structured_output";
  static final int DEFAULT_MAX_TOKENS = 4096;
  private static final Set<String> CONSUMED_OPTIONS = Set.of("beta_headers", "auto_cache");
  private static final Map<String, Integer> THINKING_BUDGETS = Map.of("low", 1024, "medium", 4096, "high", 16384);

  private AnthropicRequestTranslator() {}

  public static WireRequest translate(Request request, boolean stream, String providerName) {
    ObjectNode options = AnthropicOptions.of(request, providerName);
    List<Warning> warnings = new ArrayList<>();
    ObjectNode body = Json.object();
    body.put("model", request.model());
    ArrayNode system = systemBlocks(request);
    body.set("messages", messages(request.messages()));
    body.put("max_tokens", request.maxTokens().orElse(DEFAULT_MAX_TOKENS));
    request.temperature().ifPresent(value -> body.put("temperature", value));
    request.topP().ifPresent(value -> body.put("top_p", value));
    if (!request.stopSequences().isEmpty()) {
      ArrayNode stops = body.putArray("stop_sequences");
      request.stopSequences().forEach(stops::add);
    }
    if (request.metadata().containsKey("user_id")) {
      body.putObject("metadata").put("user_id", request.metadata().get("user_id"));
    }
    tools(request, body);
    request.responseFormat().ifPresent(format -> responseFormat(format, body, system));
    if (!system.isEmpty()) {
      body.set("system", system);
    }
    request.reasoningEffort().filter(effort -> !options.has("thinking")).ifPresent(effort -> thinking(effort, body, warnings));
    if (stream) {
      body.put("stream", true);
    }
    JsonObjects.merge(body, options, CONSUMED_OPTIONS);
    if (options.path("auto_cache").asBoolean(true)) {
      AnthropicCacheBreakpoints.apply(body);
    }
    return new WireRequest(body, headers(options, body), warnings);
  }

  private static ArrayNode systemBlocks(Request request) {
    ArrayNode system = Json.array();
    for (Message message : request.messages()) {
      if (message.role() == Role.SYSTEM || message.role() == Role.DEVELOPER) {
        String text = message.text();
        if (!text.isEmpty()) {
          system.add(Json.object().put("type", "text").put("text", text));
        }
      }
    }
    return system;
  }

  static ArrayNode messages(List<Message> messages) {
    ArrayNode out = Json.array();
    String lastRole = null;
    ArrayNode lastContent = null;
    for (Message message : messages) {
      if (message.role() == Role.SYSTEM || message.role() == Role.DEVELOPER) {
        continue;
      }
      String role = message.role() == Role.ASSISTANT ? "assistant" : "user";
      ArrayNode content = Json.array();
      for (ContentPart part : message.content()) {
        block(part, message.role()).ifPresent(content::add);
      }
      if (content.isEmpty()) {
        continue;
      }
      if (role.equals(lastRole)) {
        lastContent.addAll(content);
      } else {
        ObjectNode entry = out.addObject();
        entry.put("role", role);
        entry.set("content", content);
        lastRole = role;
        lastContent = content;
      }
    }
    return out;
  }

  private static java.util.Optional<JsonNode> block(ContentPart part, Role role) {
    return java.util.Optional.ofNullable(switch (part) {
      case ContentPart.Text text -> text.text().isEmpty() ? null : Json.object().put("type", "text").put("text", text.text());
      case ContentPart.Image image -> media("image", ResolvedMedia.of(image.image(), "image/png"));
      case ContentPart.Document document -> {
        ObjectNode block = media("document", ResolvedMedia.of(document.document(), "application/pdf"));
        document.document().fileName().ifPresent(name -> block.put("title", name));
        yield block;
      }
      case ContentPart.Audio audio -> throw new ConfigurationException(
          "Anthropic's Messages API does not accept audio input",
          "Transcribe the audio first, or send it to a provider that accepts audio (Gemini).");
      case ContentPart.ToolCallPart call -> Json.object()
          .put("type", "tool_use")
          .put("id", call.toolCall().id())
          .put("name", call.toolCall().name())
          .set("input", call.toolCall().arguments());
      case ContentPart.ToolResultPart result -> toolResult(result);
      // Unsigned thinking came from another provider; Anthropic rejects it, so it is dropped (§3.5 portability).
      case ContentPart.Thinking thinking -> thinking.signature().isEmpty() ? null : Json.object()
          .put("type", "thinking")
          .put("thinking", thinking.text())
          .put("signature", thinking.signature().get());
      case ContentPart.RedactedThinking redacted -> Json.object().put("type", "redacted_thinking").put("data", redacted.data());
      case ContentPart.Custom custom -> custom.kind().startsWith("anthropic:") ? custom.raw() : null;
    });
  }

  private static ObjectNode media(String type, ResolvedMedia media) {
    ObjectNode block = Json.object().put("type", type);
    ObjectNode source = block.putObject("source");
    if (media.url().isPresent()) {
      source.put("type", "url").put("url", media.url().get());
    } else {
      source.put("type", "base64").put("media_type", media.mediaType()).put("data", media.base64().orElseThrow());
    }
    return block;
  }

  private static ObjectNode toolResult(ContentPart.ToolResultPart part) {
    ToolResult result = part.toolResult();
    ObjectNode block = Json.object().put("type", "tool_result").put("tool_use_id", result.toolCallId());
    if (part.image().isPresent()) {
      ArrayNode content = block.putArray("content");
      content.addObject().put("type", "text").put("text", result.contentText());
      content.add(media("image", ResolvedMedia.of(part.image().get(), "image/png")));
    } else {
      block.put("content", result.contentText());
    }
    if (result.isError()) {
      block.put("is_error", true);
    }
    return block;
  }

  private static void tools(Request request, ObjectNode body) {
    boolean none = request.toolChoice().map(choice -> choice.mode() == ToolChoice.Mode.NONE).orElse(false);
    if (request.tools().isEmpty() || none) {
      return; // Anthropic has no "none": omitting the tools is the only way to forbid calls (§5.3).
    }
    ArrayNode tools = body.putArray("tools");
    for (ToolDefinition tool : request.tools()) {
      tools.addObject().put("name", tool.name()).put("description", tool.description()).set("input_schema", tool.parameters());
    }
    request.toolChoice().ifPresent(choice -> body.set("tool_choice", switch (choice.mode()) {
      case AUTO, NONE -> Json.object().put("type", "auto");
      case REQUIRED -> Json.object().put("type", "any");
      case NAMED -> Json.object().put("type", "tool").put("name", choice.toolName().orElseThrow());
    }));
  }

  private static void responseFormat(ResponseFormat format, ObjectNode body, ArrayNode system) {
    switch (format.type()) {
      case TEXT -> {
        // Plain text is the default.
      }
      case JSON -> system.add(Json.object().put("type", "text")
          .put("text", "Respond with a single valid JSON value and nothing else."));
      case JSON_SCHEMA -> {
        ArrayNode tools = body.has("tools") ? (ArrayNode) body.get("tools") : body.putArray("tools");
        tools.addObject()
            .put("name", STRUCTURED_OUTPUT_TOOL)
            .put("description", "Return the answer as an object matching this schema.")
            .set("input_schema", format.jsonSchema().orElseThrow());
        body.set("tool_choice", Json.object().put("type", "tool").put("name", STRUCTURED_OUTPUT_TOOL));
      }
    }
  }

  private static void thinking(String effort, ObjectNode body, List<Warning> warnings) {
    Integer budget = THINKING_BUDGETS.get(effort);
    if (budget == null) {
      warnings.add(Warning.of("unsupported_reasoning_effort", "Unknown reasoning_effort '" + effort + "' ignored"));
      return;
    }
    body.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
    if (body.path("max_tokens").asInt() <= budget) {
      body.put("max_tokens", budget + DEFAULT_MAX_TOKENS);
    }
    body.remove("temperature");
    body.remove("top_p");
  }

  private static Map<String, String> headers(ObjectNode options, ObjectNode body) {
    Set<String> betas = new LinkedHashSet<>();
    options.path("beta_headers").forEach(beta -> betas.add(beta.asString()));
    if (AnthropicCacheBreakpoints.hasCacheControl(body)) {
      betas.add("prompt-caching-2024-07-31");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (!betas.isEmpty()) {
      headers.put("anthropic-beta", String.join(",", betas));
    }
    return headers;
  }
}
