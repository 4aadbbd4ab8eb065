package dev.darkfactory.agent.profile;

import dev.darkfactory.llm.catalog.ModelCatalog;
import dev.darkfactory.llm.catalog.ModelInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * What a profile knows about its model: the routing provider, the model, and facts from the model
 * catalog (context window, display name) when the catalog knows it.
 */
public record ProfileSettings(
    String providerId, String model, Optional<ModelInfo> info, Optional<String> knowledgeCutoff) {

  public ProfileSettings {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(knowledgeCutoff, "knowledgeCutoff");
  }

  /** Looks the model up in {@code catalog}. */
  public static ProfileSettings of(String providerId, String model, ModelCatalog catalog) {
    Optional<ModelInfo> info = catalog.getModelInfo(providerId, model).or(() -> catalog.getModelInfo(model));
    return new ProfileSettings(providerId, model, info, Optional.empty());
  }

  /** Without a catalog: only the names. */
  public static ProfileSettings of(String providerId, String model) {
    return new ProfileSettings(providerId, model, Optional.empty(), Optional.empty());
  }

  public ProfileSettings withModel(String newModel, ModelCatalog catalog) {
    return of(providerId, newModel, catalog).withKnowledgeCutoff(knowledgeCutoff);
  }

  public ProfileSettings withKnowledgeCutoff(Optional<String> value) {
    return new ProfileSettings(providerId, model, info, value);
  }

  int contextWindow(int familyDefault) {
    return info.map(ModelInfo::contextWindow).filter(size -> size > 0).orElse(familyDefault);
  }

  String displayName() {
    return info.map(ModelInfo::displayName).orElse(model);
  }
}
