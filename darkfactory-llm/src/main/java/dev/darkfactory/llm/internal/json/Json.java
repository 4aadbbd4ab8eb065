package dev.darkfactory.llm.internal.json;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper of the module and the small node accessors every translator needs. The mapper is immutable
 * and thread-safe once built, so sharing it is not shared mutable state.
 */
public final class Json {

  public static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  public static JsonNode text(String value) {
    return NODES.stringNode(value);
  }

  /** Parses JSON text; a syntax error surfaces as Jackson's unchecked exception for the caller to wrap. */
  public static JsonNode parse(String text) {
    return MAPPER.readTree(text);
  }

  public static JsonNode parse(byte[] bytes) {
    return MAPPER.readTree(bytes);
  }

  /** Parses JSON text, or empty when it is not valid JSON. */
  public static Optional<JsonNode> tryParse(String text) {
    try {
      return Optional.of(MAPPER.readTree(text));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  public static byte[] writeBytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  /** A string field, or empty when missing, null or not a string. */
  public static Optional<String> string(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
  }

  /** A string field or the given default. */
  public static String string(JsonNode node, String field, String fallback) {
    return string(node, field).orElse(fallback);
  }

  /** An integral field, or empty when missing or not a number. */
  public static Optional<Integer> integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? Optional.of(value.intValue()) : Optional.empty();
  }

  public static int integer(JsonNode node, String field, int fallback) {
    return integer(node, field).orElse(fallback);
  }

  /** Converts any Java value Jackson can map (records, maps, strings) into a tree. */
  public static JsonNode toTree(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    return MAPPER.valueToTree(value);
  }
}
