package dev.darkfactory.llm;

import dev.darkfactory.llm.internal.json.Json;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A tool invocation requested by the model (unified-llm-spec §3.5 ToolCallData and §5.4 ToolCall, one type here).
 *
 * @param id the provider-assigned id (synthesized for Gemini, §7.3)
 * @param name the tool name
 * @param arguments the parsed arguments; an empty object when {@code rawArguments} is not valid JSON
 * @param rawArguments the argument string exactly as the model produced it, when the wire format sends a string
 * @param type "function" (default) or "custom"
 */
public record ToolCall(String id, String name, JsonNode arguments, Optional<String> rawArguments, String type) {
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    arguments = arguments == null ? Json.object() : arguments.deepCopy();
    Objects.requireNonNull(rawArguments, "rawArguments");
    type = type == null ? "function" : type;
  }

  /** A function call with already-parsed arguments. */
  public static ToolCall of(String id, String name, JsonNode arguments) {
    return new ToolCall(id, name, arguments, Optional.empty(), "function");
  }

  /**
   * A function call from the raw argument string the model streamed. Unparseable arguments keep the raw text so
   * the tool loop can report them back to the model (§5.8) instead of failing the call.
   */
  public static ToolCall fromRaw(String id, String name, String rawArguments) {
    String raw = rawArguments == null || rawArguments.isBlank() ? "{}" : rawArguments;
    JsonNode parsed = Json.tryParse(raw).filter(JsonNode::isObject).orElse(Json.object());
    return new ToolCall(id, name, parsed, Optional.of(raw), "function");
  }

  /** Whether the raw argument string (if any) parsed as a JSON object. */
  public boolean argumentsParsed() {
    return rawArguments.map(raw -> Json.tryParse(raw).map(JsonNode::isObject).orElse(false)).orElse(true);
  }

  /** The arguments as a JSON string: the raw text when the model produced one, else the serialized object. */
  public String argumentsJson() {
    return rawArguments.orElseGet(() -> Json.write(arguments));
  }
}
