package dev.darkfactory.llm.generate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Checks JSON against a JSON Schema (draft 2020-12, networknt's validator): tool arguments before a
 * handler runs (unified-llm-spec §5.8, coding-agent-loop-spec §3.8 step 2) and structured output
 * (§4.5). The one validator of the project: the generator and the agent's tool dispatcher both use
 * it. Compiled schemas are cached per instance; one instance serves a session or a generator.
 */
public final class JsonSchemaValidator {
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<JsonNode, Schema> compiled = new ConcurrentHashMap<>();

  /** Each violation, worded for the model ({@code $.path: message}); empty when {@code value} conforms. */
  public List<String> violations(JsonNode schema, JsonNode value) {
    Schema compiledSchema = compiled.computeIfAbsent(schema, registry::getSchema);
    return compiledSchema.validate(value).stream().map(JsonSchemaValidator::describe).toList();
  }

  /** The violations as one message ({@code "; "} between them), or empty when {@code value} conforms. */
  public Optional<String> validate(JsonNode schema, JsonNode value) {
    List<String> violations = violations(schema, value);
    return violations.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", violations));
  }

  private static String describe(Error error) {
    String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    String message = error.getMessage();
    return location.isEmpty() || message.startsWith(location) ? message : location + ": " + message;
  }
}
