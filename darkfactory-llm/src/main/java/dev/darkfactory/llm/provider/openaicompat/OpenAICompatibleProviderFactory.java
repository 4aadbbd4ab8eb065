package dev.darkfactory.llm.provider.openaicompat;

import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.AdapterTimeout;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.ProviderAdapter;
import dev.darkfactory.llm.ProviderFactory;
import dev.darkfactory.llm.config.ProviderDeclaration;
import dev.darkfactory.llm.config.WireFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Builds Chat Completions adapters for gateways declared in a providers file. It registers nothing from the
 * environment on its own: OpenAI-compatible servers have no standard variables.
 */
public final class OpenAICompatibleProviderFactory implements ProviderFactory {

  @Override
  public String name() {
    return "openai-compatible";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public Optional<ProviderAdapter> fromEnvironment(Environment environment, AdapterTimeout timeout) {
    return Optional.empty();
  }

  @Override
  public Set<WireFormat> wireFormats() {
    return Set.of(WireFormat.OPENAI_CHAT);
  }

  @Override
  public ProviderAdapter fromDeclaration(ProviderDeclaration declaration, Environment environment, AdapterTimeout timeout) {
    return new OpenAICompatibleAdapter(AdapterConfig.forDeclaration(declaration, environment, timeout));
  }
}
