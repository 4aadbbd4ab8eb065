package dev.darkfactory.llm.provider.anthropic;

import dev.darkfactory.llm.Request;
import dev.darkfactory.llm.internal.json.JsonObjects;
import tools.jackson.databind.node.ObjectNode;

/** Reads {@code provider_options} for this adapter: the "anthropic" key, overlaid by the adapter's own name. */
final class AnthropicOptions {

  private AnthropicOptions() {}

  static ObjectNode of(Request request, String providerName) {
    ObjectNode options = request.optionsFor("anthropic");
    if (!"anthropic".equals(providerName)) {
      JsonObjects.merge(options, request.optionsFor(providerName), java.util.Set.of());
    }
    return options;
  }
}
