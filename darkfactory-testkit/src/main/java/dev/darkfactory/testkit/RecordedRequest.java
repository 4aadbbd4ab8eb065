package dev.darkfactory.testkit;

import dev.darkfactory.testkit.wire.Wire;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One request the twin received, for tests to assert on (after MockWebServer's {@code RecordedRequest}).
 *
 * @param headers lower-case header names to values
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {

  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The body parsed as JSON (an empty object when it is not JSON). */
  public JsonNode json() {
    try {
      return body.isBlank() ? Wire.object() : Wire.MAPPER.readTree(body);
    } catch (tools.jackson.core.JacksonException e) {
      return Wire.object();
    }
  }
}
