package dev.darkfactory.agent.tool;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Checks a tool call's arguments against the tool's JSON Schema (coding-agent-loop-spec §3.8 step
 * 2, draft 2020-12). Compiled schemas are cached per validator; one validator serves a session.
 */
public final class ArgumentValidator {
  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<JsonNode, Schema> compiled = new ConcurrentHashMap<>();

  /** The violations, worded for the model; empty when the arguments are valid. */
  public List<String> validate(JsonNode schema, JsonNode arguments) {
    Schema compiledSchema = compiled.computeIfAbsent(schema, registry::getSchema);
    return compiledSchema.validate(arguments).stream().map(ArgumentValidator::describe).toList();
  }

  private static String describe(Error error) {
    String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    String message = error.getMessage();
    return location.isEmpty() || message.startsWith(location) ? message : location + ": " + message;
  }
}
