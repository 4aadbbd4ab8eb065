package dev.darkfactory.twin.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request's parameters (form body or query) with Stripe's validation: unknown parameters, missing and empty
 * required ones, integers, booleans, enums and hashes, each refused with Stripe's message, code and {@code param}.
 */
final class Params {

  private final ObjectNode root;

  Params(ObjectNode root) {
    this.root = root;
  }

  static Params parse(String encoded) {
    return new Params(FormParams.parse(encoded));
  }

  ObjectNode tree() {
    return root;
  }

  /** Refuses the first parameter not in {@code allowed} ({@code expand} is always allowed). */
  Params allowOnly(Set<String> allowed) {
    for (String name : root.propertyNames()) {
      if (!allowed.contains(name) && !name.equals("expand")) {
        throw ApiError.invalid("Received unknown parameter: " + name, "parameter_unknown", name);
      }
    }
    return this;
  }

  boolean has(String name) {
    return root.has(name);
  }

  /** Present and set to the empty string: Stripe's way of unsetting a value. */
  boolean unsets(String name) {
    JsonNode value = root.get(name);
    return value != null && value.isString() && value.asString().isEmpty();
  }

  Optional<String> string(String name) {
    JsonNode value = root.get(name);
    if (value == null || (value.isString() && value.asString().isEmpty())) {
      return Optional.empty();
    }
    if (!value.isString()) {
      throw ApiError.invalid("Invalid string: " + value, "parameter_invalid_string", name);
    }
    return Optional.of(value.asString());
  }

  String requireString(String name) {
    requirePresent(name);
    return string(name).orElseThrow();
  }

  Optional<Long> integer(String name) {
    return string(name).map(text -> {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw ApiError.invalid("Invalid integer: " + text, "parameter_invalid_integer", name);
      }
    });
  }

  long requireInteger(String name) {
    requirePresent(name);
    return integer(name).orElseThrow();
  }

  Optional<Boolean> bool(String name) {
    return string(name).map(text -> switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiError.invalid("Invalid boolean: " + text, null, name);
    });
  }

  Optional<String> oneOf(String name, List<String> allowed) {
    return string(name).map(value -> {
      if (!allowed.contains(value)) {
        throw ApiError.invalid("Invalid " + name + ": must be one of " + either(allowed), null, name);
      }
      return value;
    });
  }

  Optional<ObjectNode> hash(String name) {
    JsonNode value = root.get(name);
    if (value == null || (value.isString() && value.asString().isEmpty())) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw ApiError.invalid("Invalid object", "parameter_invalid_object", name);
    }
    return Optional.of((ObjectNode) value);
  }

  /** A list of strings ({@code a[]=x&a[]=y} or {@code a[0]=x&a[1]=y}). */
  List<String> strings(String name) {
    JsonNode value = root.get(name);
    if (value == null || (value.isString() && value.asString().isEmpty())) {
      return List.of();
    }
    if (!value.isArray()) {
      throw ApiError.invalid("Invalid array", "parameter_invalid_array", name);
    }
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isString()) {
        throw ApiError.invalid("Invalid string: " + value.get(i), "parameter_invalid_string", name + "[" + i + "]");
      }
      strings.add(value.get(i).asString());
    }
    return strings;
  }

  List<String> expand() {
    return strings("expand");
  }

  /**
   * Applies {@code metadata} to an object's metadata as Stripe does: keys are merged, a key set to {@code ""} is
   * removed, {@code metadata=""} clears all.
   */
  void applyMetadata(ObjectNode object) {
    if (!root.has("metadata")) {
      return;
    }
    if (unsets("metadata")) {
      object.putObject("metadata");
      return;
    }
    JsonNode given = root.get("metadata");
    if (!given.isObject() && !given.isArray()) {
      throw ApiError.invalid("Invalid object", "parameter_invalid_object", "metadata");
    }
    ObjectNode metadata = object.path("metadata").isObject() ? (ObjectNode) object.get("metadata") : object.putObject("metadata");
    if (given.isArray()) {
      for (int i = 0; i < given.size(); i++) {
        metadata(metadata, Integer.toString(i), given.get(i));
      }
      return;
    }
    for (Map.Entry<String, JsonNode> entry : given.properties()) {
      metadata(metadata, entry.getKey(), entry.getValue());
    }
  }

  private static void metadata(ObjectNode metadata, String key, JsonNode value) {
    if (!value.isString()) {
      throw ApiError.invalid("Invalid string: " + value, "parameter_invalid_string", "metadata[" + key + "]");
    }
    if (value.asString().isEmpty()) {
      metadata.remove(key);
    } else {
      metadata.put(key, value.asString());
    }
  }

  /** The parameters in a canonical form (sorted keys), to compare an idempotent replay with the first request. */
  String canonical() {
    return canonical(root);
  }

  private static String canonical(JsonNode node) {
    if (node.isObject()) {
      TreeMap<String, String> sorted = new TreeMap<>();
      node.properties().forEach(field -> sorted.put(field.getKey(), canonical(field.getValue())));
      return sorted.toString();
    }
    if (node.isArray()) {
      List<String> elements = new ArrayList<>();
      node.forEach(element -> elements.add(canonical(element)));
      return elements.toString();
    }
    return node.asString();
  }

  private void requirePresent(String name) {
    if (!root.has(name)) {
      throw ApiError.invalid("Missing required param: " + name + ".", "parameter_missing", name);
    }
    if (unsets(name)) {
      throw ApiError.invalid("You passed an empty string for '" + name + "'. We assume empty values are an attempt to unset a"
          + " parameter; however '" + name + "' cannot be unset. You should remove '" + name + "' from your request or supply a"
          + " non-empty value.", "parameter_invalid_empty", name);
    }
  }

  static String either(List<String> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    return String.join(", ", values.subList(0, values.size() - 1)) + ", or " + values.get(values.size() - 1);
  }

  static Set<String> names(String... names) {
    return Set.of(names);
  }
}
