package dev.darkfactory.llm.provider.anthropic;

import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.AdapterTimeout;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.ProviderAdapter;
import dev.darkfactory.llm.ProviderFactory;
import dev.darkfactory.llm.config.ProviderDeclaration;
import dev.darkfactory.llm.config.WireFormat;
import java.util.Optional;
import java.util.Set;

/** Registers Anthropic from {@code ANTHROPIC_API_KEY} and {@code ANTHROPIC_BASE_URL} (§2.2). */
public final class AnthropicProviderFactory implements ProviderFactory {

  @Override
  public String name() {
    return "anthropic";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public Optional<ProviderAdapter> fromEnvironment(Environment environment, AdapterTimeout timeout) {
    return environment.get("ANTHROPIC_API_KEY").map(key -> new AnthropicAdapter(
        AdapterConfig.builder("anthropic", environment.get("ANTHROPIC_BASE_URL").orElse(AnthropicAdapter.DEFAULT_BASE_URL))
            .apiKey(key)
            .timeout(timeout)
            .build()));
  }

  @Override
  public Set<WireFormat> wireFormats() {
    return Set.of(WireFormat.ANTHROPIC);
  }

  @Override
  public ProviderAdapter fromDeclaration(ProviderDeclaration declaration, Environment environment, AdapterTimeout timeout) {
    return new AnthropicAdapter(AdapterConfig.forDeclaration(declaration, environment, timeout));
  }
}
