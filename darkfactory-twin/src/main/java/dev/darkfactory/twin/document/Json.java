package dev.darkfactory.twin.document;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The module's one JSON mapper (immutable, so sharing it is not shared mutable state) and tree shortcuts. */
public final class Json {

  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  public static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  public static String text(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /** Parses JSON the caller trusts (the twin's own output); throws Jackson's exception on bad input. */
  public static JsonNode parse(byte[] json) {
    return MAPPER.readTree(json);
  }

  public static JsonNode parse(String json) {
    return MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));
  }
}
