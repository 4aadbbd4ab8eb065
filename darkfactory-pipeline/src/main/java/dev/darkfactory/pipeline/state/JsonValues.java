package dev.darkfactory.pipeline.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of context values and the one mapper the run-time files use ({@code
 * checkpoint.json}, {@code status.json}, {@code manifest.json}, {@code events.jsonl}). Pure
 * functions; the mapper is immutable and thread-safe.
 */
public final class JsonValues {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonValues() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A normalised context value ({@link ContextValues}) as JSON. */
  public static JsonNode toNode(Object value) {
    return switch (value) {
      case null -> NODES.nullNode();
      case String s -> NODES.stringNode(s);
      case Boolean b -> NODES.booleanNode(b);
      case Long l -> NODES.numberNode(l);
      case Double d -> NODES.numberNode(d);
      case Collection<?> c -> {
        ArrayNode array = NODES.arrayNode();
        c.forEach(item -> array.add(toNode(item)));
        yield array;
      }
      case Map<?, ?> m -> {
        ObjectNode object = NODES.objectNode();
        m.forEach((k, v) -> object.set(String.valueOf(k), toNode(v)));
        yield object;
      }
      default -> toNode(ContextValues.normalize(value));
    };
  }

  /** A map of context values as a JSON object, in order. */
  public static ObjectNode toObject(Map<String, ?> values) {
    ObjectNode object = NODES.objectNode();
    values.forEach((k, v) -> object.set(k, toNode(v)));
    return object;
  }

  /** JSON as a normalised context value; {@code null} becomes an empty string, since the context holds no nulls. */
  public static Object fromNode(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "";
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.asString();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(fromNode(item)));
      return Collections.unmodifiableList(list);
    }
    if (node.isObject()) {
      return fromObject(node);
    }
    return node.asString();
  }

  /** A JSON object as an ordered map of normalised values. */
  public static Map<String, Object> fromObject(JsonNode node) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> map.put(e.getKey(), fromNode(e.getValue())));
    }
    return Collections.unmodifiableMap(map);
  }

  /** Compact single-line JSON. */
  public static String compact(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /** Indented JSON, for files people read. */
  public static String pretty(JsonNode node) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }

  /** Parses JSON text; Jackson's exception (with line and column) on malformed input. */
  public static JsonNode parse(String text) throws JacksonException {
    return MAPPER.readTree(text);
  }

  /** The text of {@code field}, or {@code fallback} when absent or null. */
  public static String text(JsonNode object, String field, String fallback) {
    JsonNode value = object.get(field);
    return value == null || value.isNull() ? fallback : value.asString();
  }

  /** The strings of an array field, or an empty list. */
  public static List<String> strings(JsonNode object, String field) {
    JsonNode value = object.get(field);
    List<String> list = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(item -> list.add(item.asString()));
    }
    return List.copyOf(list);
  }

  /** An object field of integers as a map, or an empty map. */
  public static Map<String, Integer> counts(JsonNode object, String field) {
    JsonNode value = object.get(field);
    Map<String, Integer> map = new LinkedHashMap<>();
    if (value != null && value.isObject()) {
      value.properties().forEach(e -> map.put(e.getKey(), e.getValue().asInt()));
    }
    return Collections.unmodifiableMap(map);
  }
}
