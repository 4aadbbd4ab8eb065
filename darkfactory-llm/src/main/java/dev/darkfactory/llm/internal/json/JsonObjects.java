package dev.darkfactory.llm.internal.json;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Merging of JSON objects, for provider options layered over a translated request body. */
public final class JsonObjects {

  private JsonObjects() {}

  /**
   * Deep-merges {@code overlay} into {@code target}: objects merge key by key, anything else replaces. Keys in
   * {@code skip} are not copied (options the adapter consumed itself, such as {@code beta_headers}).
   */
  public static ObjectNode merge(ObjectNode target, JsonNode overlay, java.util.Set<String> skip) {
    for (Map.Entry<String, JsonNode> entry : overlay.properties()) {
      if (skip.contains(entry.getKey())) {
        continue;
      }
      JsonNode existing = target.get(entry.getKey());
      if (existing instanceof ObjectNode existingObject && entry.getValue().isObject()) {
        merge(existingObject, entry.getValue(), java.util.Set.of());
      } else {
        target.set(entry.getKey(), entry.getValue().deepCopy());
      }
    }
    return target;
  }
}
