package dev.darkfactory.cli.conformance;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The adapter's JSON: one mapper, compact output (one document or one NDJSON line per write). */
final class BenchJson {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private BenchJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /** Parses standard input; anything but a JSON object is an invalid request. */
  static ObjectNode parseObject(String text, String what) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text == null ? "" : text);
    } catch (JacksonException e) {
      throw ConformanceFailure.invalidRequest(what + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw ConformanceFailure.invalidRequest(what + " must be a JSON object");
    }
    return (ObjectNode) node;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.isString() ? value.asString() : value.toString();
  }

  /** A failure of the adapter itself, in the error shape of the unified responses. */
  static ObjectNode error(ConformanceFailure failure) {
    return object()
        .put("error", failure.getMessage())
        .put("error_type", failure.kind())
        .put("retryable", false)
        .put("remedy", failure.remedy());
  }
}
