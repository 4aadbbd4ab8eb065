package dev.darkfactory.pipeline.stylesheet;

import java.util.List;
import java.util.Optional;

/** The properties a stylesheet may set (attractor-spec.md 8.4), each named as its node attribute. */
public enum StyleProperty {
  LLM_MODEL("llm_model", List.of()),
  LLM_PROVIDER("llm_provider", List.of()),
  REASONING_EFFORT("reasoning_effort", List.of("low", "medium", "high"));

  private final String key;
  private final List<String> allowedValues;

  StyleProperty(String key, List<String> allowedValues) {
    this.key = key;
    this.allowedValues = allowedValues;
  }

  /** The property name, which is also the node attribute it sets. */
  public String key() {
    return key;
  }

  /** The only values the property accepts, or an empty list when any value is accepted. */
  public List<String> allowedValues() {
    return allowedValues;
  }

  public boolean accepts(String value) {
    return allowedValues.isEmpty() || allowedValues.contains(value);
  }

  public static Optional<StyleProperty> fromKey(String key) {
    for (StyleProperty property : values()) {
      if (property.key.equals(key)) {
        return Optional.of(property);
      }
    }
    return Optional.empty();
  }

  /** Property names, for messages: {@code llm_model, llm_provider and reasoning_effort}. */
  static String names() {
    return "llm_model, llm_provider and reasoning_effort";
  }
}
