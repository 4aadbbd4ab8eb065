package dev.darkfactory.llm.internal.json;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites JSON Schemas into the dialects providers accept for structured output and tools (unified-llm-spec §4.5):
 * OpenAI's strict mode wants every property required and {@code additionalProperties: false}, so optional
 * properties become nullable; Gemini's schema subset rejects {@code additionalProperties} and other keywords.
 * Inputs are never modified.
 */
public final class SchemaRewriter {

  private static final Set<String> GEMINI_UNSUPPORTED = Set.of(
      "additionalProperties", "$schema", "$id", "$comment", "default", "examples", "unevaluatedProperties",
      "patternProperties", "dependentRequired", "dependentSchemas", "if", "then", "else", "not", "$defs",
      "definitions", "strict", "title");
  private static final List<String> SUBSCHEMA_LISTS = List.of("anyOf", "oneOf", "allOf", "prefixItems");
  private static final List<String> SUBSCHEMA_MAPS = List.of("properties", "$defs", "definitions");

  private SchemaRewriter() {}

  /** The schema as OpenAI strict mode requires it. */
  public static JsonNode forOpenAiStrict(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    strict(copy);
    return copy;
  }

  private static void strict(JsonNode node) {
    if (!(node instanceof ObjectNode schema)) {
      return;
    }
    if (schema.path("properties").isObject()) {
      ObjectNode properties = (ObjectNode) schema.get("properties");
      Set<String> required = new HashSet<>();
      schema.path("required").forEach(name -> required.add(name.asString()));
      ArrayNode allRequired = Json.array();
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        allRequired.add(property.getKey());
        if (!required.contains(property.getKey())) {
          properties.set(property.getKey(), nullable(property.getValue()));
        }
      }
      schema.set("required", allRequired);
      schema.put("additionalProperties", false);
    } else if ("object".equals(Json.string(schema, "type", ""))) {
      schema.put("additionalProperties", false);
    }
    recurse(schema, SchemaRewriter::strict);
  }

  private static JsonNode nullable(JsonNode property) {
    if (!(property instanceof ObjectNode object)) {
      return property;
    }
    JsonNode type = object.get("type");
    if (type != null && type.isString()) {
      if (!"null".equals(type.asString())) {
        ArrayNode types = Json.array().add(type.asString()).add("null");
        object.set("type", types);
      }
      return object;
    }
    if (type != null && type.isArray()) {
      boolean hasNull = false;
      for (JsonNode t : type) {
        hasNull |= "null".equals(t.asString());
      }
      if (!hasNull) {
        ((ArrayNode) type).add("null");
      }
      return object;
    }
    ObjectNode wrapper = Json.object();
    wrapper.putArray("anyOf").add(object).add(Json.object().put("type", "null"));
    return wrapper;
  }

  /** The schema without the keywords Gemini rejects; type unions with null become {@code nullable: true}. */
  public static JsonNode forGemini(JsonNode schema) {
    JsonNode copy = schema.deepCopy();
    gemini(copy);
    return copy;
  }

  private static void gemini(JsonNode node) {
    if (!(node instanceof ObjectNode schema)) {
      return;
    }
    recurse(schema, SchemaRewriter::gemini);
    GEMINI_UNSUPPORTED.forEach(schema::remove);
    JsonNode constant = schema.remove("const");
    if (constant != null) {
      schema.putArray("enum").add(constant);
    }
    JsonNode type = schema.get("type");
    if (type != null && type.isArray()) {
      String single = null;
      boolean nullable = false;
      for (JsonNode t : type) {
        if ("null".equals(t.asString())) {
          nullable = true;
        } else if (single == null) {
          single = t.asString();
        }
      }
      schema.put("type", single == null ? "string" : single);
      if (nullable) {
        schema.put("nullable", true);
      }
    }
  }

  private static void recurse(ObjectNode schema, java.util.function.Consumer<JsonNode> visit) {
    for (String key : SUBSCHEMA_MAPS) {
      JsonNode map = schema.get(key);
      if (map != null && map.isObject()) {
        map.properties().forEach(entry -> visit.accept(entry.getValue()));
      }
    }
    for (String key : SUBSCHEMA_LISTS) {
      JsonNode list = schema.get(key);
      if (list != null && list.isArray()) {
        list.forEach(visit);
      }
    }
    JsonNode items = schema.get("items");
    if (items != null) {
      visit.accept(items);
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      visit.accept(additional);
    }
  }
}
