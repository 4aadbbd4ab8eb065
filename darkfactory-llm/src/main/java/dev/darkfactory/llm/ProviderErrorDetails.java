package dev.darkfactory.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The fields every {@link ProviderException} carries (unified-llm-spec §6.2). */
public record ProviderErrorDetails(
    String provider,
    Optional<Integer> statusCode,
    Optional<String> errorCode,
    Optional<Duration> retryAfter,
    Optional<JsonNode> raw) {

  public ProviderErrorDetails {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(retryAfter, "retryAfter");
    raw = raw.map(JsonNode::deepCopy);
  }

  public static ProviderErrorDetails of(String provider, int statusCode) {
    return new ProviderErrorDetails(provider, Optional.of(statusCode), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
