package dev.darkfactory.llm;

import dev.darkfactory.llm.internal.json.Json;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A tool the model may call, as sent to the provider (unified-llm-spec §5.1 without the handler; the handler lives
 * on {@code dev.darkfactory.llm.generate.Tool}). Names are validated at definition time.
 *
 * @param name {@code [a-zA-Z][a-zA-Z0-9_]*}, at most 64 characters
 * @param description what the tool does, for the model
 * @param parameters a JSON Schema whose root is {@code "type": "object"}
 */
public record ToolDefinition(String name, String description, JsonNode parameters) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new ConfigurationException(
          "Invalid tool name '" + name + "'",
          "Tool names start with a letter and use letters, digits and underscores, at most 64 characters (§5.1).");
    }
    description = description == null ? "" : description;
    parameters = parameters == null ? emptySchema() : parameters.deepCopy();
    if (!"object".equals(Json.string(parameters, "type", "object"))) {
      throw new ConfigurationException(
          "Tool '" + name + "' has a parameter schema whose root type is not object",
          "Wrap the parameters in {\"type\":\"object\",\"properties\":{...}} (§5.1).");
    }
  }

  private static JsonNode emptySchema() {
    var schema = Json.object();
    schema.put("type", "object");
    schema.putObject("properties");
    return schema;
  }
}
