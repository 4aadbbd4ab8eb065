package dev.darkfactory.testkit;

import dev.darkfactory.testkit.wire.WireFormat;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Rejects requests the real providers reject, with their 400 messages, so a client bug fails in tests rather than
 * in production: Anthropic's required {@code max_tokens} and strict alternation, tool results that answer no call,
 * OpenAI strict schemas that do not require every property, Gemini schemas with {@code additionalProperties}.
 */
final class RequestValidator {

  private RequestValidator() {}

  static Optional<Fault> check(WireFormat format, JsonNode request) {
    return switch (format) {
      case ANTHROPIC -> anthropic(request);
      case OPENAI_RESPONSES -> responses(request);
      case OPENAI_CHAT -> chat(request);
      case GEMINI -> gemini(request);
    };
  }

  private static Optional<Fault> anthropic(JsonNode request) {
    if (!request.path("model").isString()) {
      return bad("model: Field required");
    }
    if (!request.path("max_tokens").isNumber()) {
      return bad("max_tokens: Field required");
    }
    JsonNode messages = request.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      return bad("messages: at least one message is required");
    }
    String previous = null;
    Set<String> toolUses = new HashSet<>();
    for (JsonNode message : messages) {
      String role = message.path("role").asString();
      if (role.equals(previous)) {
        return bad("messages: roles must alternate between \"user\" and \"assistant\", but found multiple \"" + role + "\" roles in a row");
      }
      if (previous == null && !role.equals("user")) {
        return bad("messages: first message must use the \"user\" role");
      }
      Set<String> answered = new HashSet<>();
      for (JsonNode block : message.path("content")) {
        switch (block.path("type").asString()) {
          case "tool_use" -> toolUses.add(block.path("id").asString());
          case "tool_result" -> {
            if (!toolUses.contains(block.path("tool_use_id").asString())) {
              return bad("messages: unexpected `tool_use_id` found in `tool_result` blocks: " + block.path("tool_use_id").asString());
            }
            answered.add(block.path("tool_use_id").asString());
          }
          case "thinking" -> {
            if (!block.path("signature").isString()) {
              return bad("messages: thinking blocks must carry their `signature`");
            }
          }
          default -> {
            // Other blocks need no cross-checks.
          }
        }
      }
      previous = role;
    }
    return Optional.empty();
  }

  private static Optional<Fault> responses(JsonNode request) {
    if (!request.path("model").isString()) {
      return bad("Missing required parameter: 'model'.");
    }
    Set<String> calls = new HashSet<>();
    for (JsonNode item : request.path("input")) {
      String type = item.path("type").asString();
      if (type.equals("function_call")) {
        calls.add(item.path("call_id").asString());
      } else if (type.equals("function_call_output") && !calls.contains(item.path("call_id").asString())) {
        return bad("No tool call found for function call output with call_id " + item.path("call_id").asString() + ".");
      }
    }
    JsonNode format = request.path("text").path("format");
    if (format.path("strict").asBoolean(false)) {
      return strictSchema(format.path("schema"));
    }
    return Optional.empty();
  }

  private static Optional<Fault> chat(JsonNode request) {
    if (!request.path("messages").isArray()) {
      return bad("Missing required parameter: 'messages'.");
    }
    Set<String> calls = new HashSet<>();
    for (JsonNode message : request.path("messages")) {
      message.path("tool_calls").forEach(call -> calls.add(call.path("id").asString()));
      if ("tool".equals(message.path("role").asString()) && !calls.contains(message.path("tool_call_id").asString())) {
        return bad("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.");
      }
    }
    return Optional.empty();
  }

  private static Optional<Fault> gemini(JsonNode request) {
    if (!request.path("contents").isArray() || request.path("contents").isEmpty()) {
      return bad("* GenerateContentRequest.contents: contents is not specified");
    }
    if (!request.path("generationConfig").path("responseSchema").findValues("additionalProperties").isEmpty()
        || !request.path("tools").findValues("additionalProperties").isEmpty()) {
      return bad("Invalid JSON payload received. Unknown name \"additionalProperties\": Cannot find field.");
    }
    return Optional.empty();
  }

  /** OpenAI strict mode: every object lists all its properties as required and forbids additional ones. */
  private static Optional<Fault> strictSchema(JsonNode schema) {
    if (schema.path("properties").isObject()) {
      Set<String> required = new HashSet<>();
      schema.path("required").forEach(name -> required.add(name.asString()));
      for (String property : schema.path("properties").propertyNames()) {
        if (!required.contains(property)) {
          return bad("Invalid schema for response_format 'output': In context=(), 'required' is required to be supplied "
              + "and to be an array including every key in properties. Missing '" + property + "'.");
        }
      }
      if (schema.path("additionalProperties").asBoolean(true)) {
        return bad("Invalid schema for response_format 'output': In context=(), 'additionalProperties' is required to be supplied and to be false.");
      }
      for (JsonNode child : schema.path("properties")) {
        Optional<Fault> nested = strictSchema(child);
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    if (schema.has("items")) {
      return strictSchema(schema.path("items"));
    }
    for (JsonNode option : schema.path("anyOf")) {
      Optional<Fault> nested = strictSchema(option);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return Optional.empty();
  }

  private static Optional<Fault> bad(String message) {
    return Optional.of(Fault.badRequest(message));
  }
}
