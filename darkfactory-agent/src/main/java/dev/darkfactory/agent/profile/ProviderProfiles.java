package dev.darkfactory.agent.profile;

import dev.darkfactory.llm.catalog.ModelCatalog;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the profile for a provider and model. The three native providers get their own profile;
 * any other provider (an OpenAI-compatible gateway, a local server declared in the providers file)
 * gets the profile of the model's family, guessed from its name, with requests still routed to that
 * provider.
 */
public final class ProviderProfiles {
  private ProviderProfiles() {}

  public static ProviderProfile create(String provider, Optional<String> model, ModelCatalog catalog) {
    String family = family(provider, model);
    String chosen = model.orElseGet(() -> defaultModel(family));
    return switch (family) {
      case "anthropic" -> AnthropicProfile.create(provider, chosen, catalog);
      case "gemini" -> GeminiProfile.create(provider, chosen, catalog);
      default -> OpenAiProfile.create(provider, chosen, catalog);
    };
  }

  public static ProviderProfile create(String provider, String model) {
    return create(provider, Optional.of(model), ModelCatalog.bundled());
  }

  /** "openai", "anthropic" or "gemini": whose tools suit this provider and model. */
  public static String family(String provider, Optional<String> model) {
    String name = provider.toLowerCase(Locale.ROOT);
    if (name.equals("openai") || name.equals("anthropic") || name.equals("gemini")) {
      return name;
    }
    String modelName = model.orElse("").toLowerCase(Locale.ROOT);
    if (modelName.contains("claude")) {
      return "anthropic";
    }
    if (modelName.contains("gemini")) {
      return "gemini";
    }
    return "openai";
  }

  /** The model used when none is given. */
  public static String defaultModel(String family) {
    return switch (family) {
      case "anthropic" -> AnthropicProfile.DEFAULT_MODEL;
      case "gemini" -> GeminiProfile.DEFAULT_MODEL;
      default -> OpenAiProfile.DEFAULT_MODEL;
    };
  }
}
