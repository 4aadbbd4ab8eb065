package dev.darkfactory.llm;

import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of environment variables for {@link Client#fromEnv} (unified-llm-spec §2.2). A variable set to
 * the empty string counts as unset, so {@code OPENAI_API_KEY=} disables a provider instead of sending an empty key.
 */
public record Environment(Map<String, String> variables) {
  public Environment {
    variables = Map.copyOf(variables);
  }

  public static Environment system() {
    return new Environment(System.getenv());
  }

  public static Environment of(Map<String, String> variables) {
    return new Environment(variables);
  }

  /** The value, or empty when the variable is missing or blank. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(variables.get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }

  /** The first of the names that is set. */
  public Optional<String> first(String... names) {
    for (String name : names) {
      Optional<String> value = get(name);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }
}
