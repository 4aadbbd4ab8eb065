package dev.darkfactory.llm;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The requested shape of the model's output (unified-llm-spec §3.10). Adapters translate it to each provider's
 * structured-output mechanism (§4.5), including the schema rewrites that provider needs.
 */
public record ResponseFormat(Type type, Optional<JsonNode> jsonSchema, boolean strict) {

  public enum Type {
    TEXT,
    JSON,
    JSON_SCHEMA
  }

  public ResponseFormat {
    Objects.requireNonNull(type, "type");
    jsonSchema = jsonSchema.map(JsonNode::deepCopy);
    if (type == Type.JSON_SCHEMA && jsonSchema.isEmpty()) {
      throw new ConfigurationException("Response format json_schema without a schema", "Pass the JSON Schema.");
    }
  }

  public static ResponseFormat text() {
    return new ResponseFormat(Type.TEXT, Optional.empty(), false);
  }

  public static ResponseFormat json() {
    return new ResponseFormat(Type.JSON, Optional.empty(), false);
  }

  public static ResponseFormat jsonSchema(JsonNode schema, boolean strict) {
    return new ResponseFormat(Type.JSON_SCHEMA, Optional.of(schema), strict);
  }
}
