package dev.darkfactory.agent.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON Schema of a tool's parameters: a root {@code object} with typed, described
 * properties. Kept small on purpose: every built-in tool schema is flat.
 */
public final class Schema {
  private final ObjectNode root = Json.object();
  private final ObjectNode properties;
  private final List<String> required = new ArrayList<>();

  private Schema() {
    root.put("type", "object");
    properties = root.putObject("properties");
  }

  public static Schema object() {
    return new Schema();
  }

  public Schema string(String name, String description, boolean isRequired) {
    return property(name, "string", description, isRequired);
  }

  public Schema integer(String name, String description, boolean isRequired) {
    return property(name, "integer", description, isRequired);
  }

  public Schema bool(String name, String description, boolean isRequired) {
    return property(name, "boolean", description, isRequired);
  }

  /** A string restricted to {@code values}. */
  public Schema enumeration(String name, String description, List<String> values, boolean isRequired) {
    property(name, "string", description, isRequired);
    var array = ((ObjectNode) properties.get(name)).putArray("enum");
    values.forEach(array::add);
    return this;
  }

  /** An array of strings. */
  public Schema strings(String name, String description, boolean isRequired) {
    property(name, "array", description, isRequired);
    ((ObjectNode) properties.get(name)).putObject("items").put("type", "string");
    return this;
  }

  private Schema property(String name, String type, String description, boolean isRequired) {
    properties.putObject(name).put("type", type).put("description", description);
    if (isRequired) {
      required.add(name);
    }
    return this;
  }

  public ObjectNode build() {
    ObjectNode copy = root.deepCopy();
    if (!required.isEmpty()) {
      var array = copy.putArray("required");
      required.forEach(array::add);
    }
    return copy;
  }
}
