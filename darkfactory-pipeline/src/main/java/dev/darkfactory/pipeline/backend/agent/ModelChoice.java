package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.agent.profile.ProviderProfiles;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.catalog.ModelInfo;
import dev.darkfactory.pipeline.graph.Node;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider, model and reasoning effort of one stage (attractor-spec.md 2.6, 8.5). The model
 * stylesheet and the graph-level defaults have already been applied to the node's attributes by the
 * stylesheet transform, so the node says it all; what it leaves open comes from the backend's
 * defaults (the command line's {@code --provider}/{@code --model}), then the client's default
 * provider and that provider's default model.
 *
 * <p>Reasoning effort: the node's {@code reasoning_effort} when set; otherwise the spec's default
 * {@code high}, but only for models the catalog marks as reasoning models. Sending a reasoning
 * setting to a model without reasoning is an error at most providers.
 */
record ModelChoice(String provider, String model, Optional<String> reasoningEffort) {
  ModelChoice {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(reasoningEffort, "reasoningEffort");
  }

  static ModelChoice resolve(Node node, Client client, Optional<String> defaultProvider, Optional<String> defaultModel) {
    Optional<String> model = node.llmModel();
    String provider = node.llmProvider()
        .or(() -> model.flatMap(m -> client.catalog().getModelInfo(m)).map(ModelInfo::provider).filter(client.providerNames()::contains))
        .or(() -> defaultProvider)
        .or(() -> defaultModel.flatMap(m -> client.catalog().getModelInfo(m)).map(ModelInfo::provider).filter(client.providerNames()::contains))
        .or(client::defaultProvider)
        .orElseThrow(() -> new StageConfigurationException("node " + node.id() + " needs an LLM provider and none is configured:"
            + " set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY, or declare one in DARKFACTORY_PROVIDERS"));
    if (!client.providerNames().contains(provider)) {
      throw new StageConfigurationException("node " + node.id() + " asks for provider '" + provider + "', which is not configured"
          + " (configured: " + String.join(", ", client.providerNames()) + "): set its API key variable, or change llm_provider");
    }
    String chosenModel = model
        .or(() -> defaultModel)
        .orElseGet(() -> ProviderProfiles.defaultModel(ProviderProfiles.family(provider, Optional.empty())));
    boolean explicitEffort = node.attributes().has("reasoning_effort") && !node.reasoningEffort().isBlank();
    boolean reasoningModel = client.catalog().getModelInfo(provider, chosenModel).or(() -> client.catalog().getModelInfo(chosenModel))
        .map(ModelInfo::supportsReasoning).orElse(false);
    Optional<String> effort = explicitEffort || reasoningModel ? Optional.of(node.reasoningEffort()) : Optional.empty();
    return new ModelChoice(provider, chosenModel, effort);
  }

  String describe() {
    return provider + "/" + model + reasoningEffort.map(e -> " (reasoning " + e + ")").orElse("");
  }
}
