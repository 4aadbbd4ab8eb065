package dev.darkfactory.twin.stripe;

import dev.darkfactory.twin.document.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON as Stripe writes it: pretty-printed with two-space indentation, like api.stripe.com's responses. */
final class StripeJson {

  private StripeJson() {}

  static ObjectNode object() {
    return Json.object();
  }

  static byte[] bytes(JsonNode node) {
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
  }
}
