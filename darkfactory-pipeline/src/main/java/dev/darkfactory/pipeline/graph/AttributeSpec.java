package dev.darkfactory.pipeline.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * A documented attribute: its scope, type, default and where it is defined.
 *
 * @param origin the spec section that defines it ("2.6", "4.8") or {@code "extension"}
 */
public record AttributeSpec(
    AttributeScope scope, String key, AttributeType type, String defaultValue, String description, String origin) {

  public AttributeSpec {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(origin, "origin");
  }

  public boolean isExtension() {
    return origin.equals("extension");
  }

  public Optional<String> defaultText() {
    return defaultValue.isEmpty() ? Optional.empty() : Optional.of(defaultValue);
  }
}
