package dev.darkfactory.twin.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe's form encoding: {@code metadata[order]=7&expand[]=customer&payment_method_types[0]=card&shipping[address][city]=Paris}
 * becomes a tree of objects, lists and strings. Objects whose keys are 0, 1, 2, ... become lists (the SDKs send
 * {@code expand[0]}, {@code expand[1]}).
 */
final class FormParams {

  private FormParams() {}

  static ObjectNode parse(String encoded) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    if (encoded.isEmpty()) {
      return root;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = decode(equals < 0 ? "" : pair.substring(equals + 1));
      put(root, path(key), value);
    }
    return (ObjectNode) listify(root);
  }

  /** {@code a[b][]} is {@code ["a", "b", ""]}. */
  static List<String> path(String key) {
    List<String> segments = new ArrayList<>();
    int open = key.indexOf('[');
    if (open < 0 || !key.endsWith("]")) {
      segments.add(key);
      return segments;
    }
    segments.add(key.substring(0, open));
    int at = open;
    while (at < key.length() && key.charAt(at) == '[') {
      int close = key.indexOf(']', at);
      if (close < 0) {
        break;
      }
      segments.add(key.substring(at + 1, close));
      at = close + 1;
    }
    return segments;
  }

  private static void put(ObjectNode root, List<String> path, String value) {
    JsonNode node = root;
    for (int i = 0; i < path.size(); i++) {
      String segment = path.get(i);
      boolean last = i == path.size() - 1;
      boolean nextAppends = !last && path.get(i + 1).isEmpty();
      if (node instanceof ArrayNode array) {
        if (last) {
          array.add(value);
          return;
        }
        JsonNode child = nextAppends ? array.addArray() : array.addObject();
        node = child;
        continue;
      }
      ObjectNode object = (ObjectNode) node;
      if (last) {
        object.put(segment, value);
        return;
      }
      JsonNode child = object.get(segment);
      if (child == null || child.isString() || (nextAppends && !child.isArray()) || (!nextAppends && child.isArray())) {
        child = nextAppends ? object.putArray(segment) : object.putObject(segment);
      }
      node = child;
    }
  }

  private static JsonNode listify(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        result.set(field.getKey(), listify(field.getValue()));
      }
      if (!result.isEmpty() && indexed(result)) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < result.size(); i++) {
          list.add(result.get(Integer.toString(i)));
        }
        return list;
      }
      return result;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode();
      array.forEach(element -> result.add(listify(element)));
      return result;
    }
    return node;
  }

  private static boolean indexed(ObjectNode object) {
    Iterator<String> names = object.propertyNames().iterator();
    for (int i = 0; names.hasNext(); i++) {
      if (!names.next().equals(Integer.toString(i))) {
        return false;
      }
    }
    return true;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("Invalid request: the form body has invalid percent-encoding near '" + text + "'.", null, null);
    }
  }
}
