package dev.darkfactory.llm.internal.http;

import dev.darkfactory.llm.Warning;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A translated request: the native JSON body, headers the translation decided (beta flags), and warnings about
 * parameters the provider cannot honour, which the response carries back to the caller.
 */
public record WireRequest(ObjectNode body, Map<String, String> headers, List<Warning> warnings) {
  public WireRequest {
    headers = Map.copyOf(headers);
    warnings = List.copyOf(warnings);
  }
}
