package dev.darkfactory.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON conventions of the API: snake_case names (like {@code events.jsonl}), ISO-8601
 * instants, absent optionals left out rather than {@code null}, and unknown request fields refused
 * so a misspelt option is a 400 rather than silently ignored.
 */
public final class WireJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_ABSENT))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private WireJson() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }
}
