package dev.darkfactory.llm.generate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Validates JSON against JSON Schema (draft 2020-12) with networknt's validator: tool arguments before a handler
 * runs (unified-llm-spec §5.8) and structured output (§4.5). Compiled schemas are cached per instance.
 */
final class ToolArgumentValidator {

  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<JsonNode, Schema> compiled = new ConcurrentHashMap<>();

  /** The validation errors as one message, or empty when {@code value} conforms. */
  Optional<String> validate(JsonNode schema, JsonNode value) {
    Schema compiledSchema = compiled.computeIfAbsent(schema, registry::getSchema);
    List<Error> errors = compiledSchema.validate(value);
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(errors.stream().map(Error::toString).collect(Collectors.joining("; ")));
  }
}
