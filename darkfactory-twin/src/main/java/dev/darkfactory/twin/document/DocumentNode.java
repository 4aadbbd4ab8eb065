package dev.darkfactory.twin.document;

import dev.darkfactory.twin.DocumentException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * A value of a {@link JsonDocument} with its pointer, for typed reads that fail with the value's position and
 * a plain statement of what was expected.
 */
public final class DocumentNode {

  private final JsonDocument document;
  private final String pointer;
  private final JsonNode json;

  DocumentNode(JsonDocument document, String pointer, JsonNode json) {
    this.document = document;
    this.pointer = pointer;
    this.json = json;
  }

  public JsonNode json() {
    return json;
  }

  public String pointer() {
    return pointer;
  }

  public JsonDocument document() {
    return document;
  }

  public DocumentException error(String problem) {
    return document.error(pointer, problem);
  }

  /** The field, if this is an object that has it (and it is not null). */
  public Optional<DocumentNode> get(String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new DocumentNode(document, pointer + "/" + DocumentReader.escape(field), value));
  }

  public DocumentNode require(String field) {
    return get(field).orElseThrow(() -> error("missing field '" + field + "'"));
  }

  public DocumentNode requireObject(String what) {
    if (!json.isObject()) {
      throw error("expected " + what + " (an object), found " + describe(json));
    }
    return this;
  }

  public List<DocumentNode> elements(String what) {
    if (!json.isArray()) {
      throw error("expected " + what + " (a list), found " + describe(json));
    }
    List<DocumentNode> elements = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      elements.add(new DocumentNode(document, pointer + "/" + i, json.get(i)));
    }
    return elements;
  }

  /** The object's field names in document order. */
  public List<String> fieldNames() {
    return List.copyOf(json.propertyNames());
  }

  /** Refuses any field not in {@code allowed}, pointing at it and suggesting the nearest allowed name. */
  public DocumentNode allowOnly(Set<String> allowed) {
    for (String name : fieldNames()) {
      if (!allowed.contains(name)) {
        String known = String.join(", ", new TreeSet<>(allowed));
        String hint = Suggestions.closest(name, allowed).map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw document.errorAtKey(pointer + "/" + DocumentReader.escape(name),
            "unknown field '" + name + "'" + hint + "; expected one of: " + known);
      }
    }
    return this;
  }

  public String text() {
    if (!json.isString()) {
      throw error("expected a string, found " + describe(json));
    }
    return json.asString();
  }

  public long integer() {
    if (!json.isIntegralNumber()) {
      throw error("expected a whole number, found " + describe(json));
    }
    BigInteger value = json.bigIntegerValue();
    if (value.bitLength() > 63) {
      throw error("the number " + value + " is too large");
    }
    return value.longValue();
  }

  public double number() {
    if (!json.isNumber()) {
      throw error("expected a number, found " + describe(json));
    }
    return json.doubleValue();
  }

  public boolean bool() {
    if (!json.isBoolean()) {
      throw error("expected true or false, found " + describe(json));
    }
    return json.booleanValue();
  }

  /** A duration written as {@code 250ms}, {@code 1.5s}, {@code 2m}, {@code 1h} or ISO-8601 {@code PT1S}. */
  public Duration duration() {
    if (!json.isString()) {
      throw error("expected a duration such as 250ms, 1.5s, 2m or PT1S, found " + describe(json));
    }
    return Durations.parse(json.asString()).orElseThrow(() ->
        error("expected a duration such as 250ms, 1.5s, 2m or PT1S, found '" + json.asString() + "'"));
  }

  static String describe(JsonNode node) {
    if (node.isString()) {
      return "the string '" + node.asString() + "'";
    }
    if (node.isNumber()) {
      return "the number " + node.asString();
    }
    if (node.isBoolean()) {
      return node.asString();
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isArray() ? "a list" : "an object";
  }
}
