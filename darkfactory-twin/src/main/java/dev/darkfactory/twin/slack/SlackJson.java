package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.document.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON as slack.com writes it: compact, UTF-8. */
final class SlackJson {

  static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private SlackJson() {}

  static ObjectNode object() {
    return Json.object();
  }

  static ArrayNode array() {
    return Json.array();
  }

  static byte[] bytes(JsonNode node) {
    return Json.bytes(node);
  }
}
