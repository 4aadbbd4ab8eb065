package dev.darkfactory.testkit.wire;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The twin's JSON mapper (immutable once built) and node factories. */
public final class Wire {

  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Wire() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  static tools.jackson.databind.JsonNode parseArguments(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (tools.jackson.core.JacksonException e) {
      return object();
    }
  }
}
