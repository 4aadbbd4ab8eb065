package dev.darkfactory.llm.provider.openai;

import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.AdapterTimeout;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.ProviderAdapter;
import dev.darkfactory.llm.ProviderFactory;
import dev.darkfactory.llm.config.ProviderDeclaration;
import dev.darkfactory.llm.config.WireFormat;
import java.util.Optional;
import java.util.Set;

/** Registers OpenAI from {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_ORG_ID}, {@code OPENAI_PROJECT_ID}. */
public final class OpenAIProviderFactory implements ProviderFactory {

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public Optional<ProviderAdapter> fromEnvironment(Environment environment, AdapterTimeout timeout) {
    return environment.get("OPENAI_API_KEY").map(key -> {
      AdapterConfig.Builder builder = AdapterConfig.builder("openai",
          environment.get("OPENAI_BASE_URL").orElse(OpenAIAdapter.DEFAULT_BASE_URL)).apiKey(key).timeout(timeout);
      environment.get("OPENAI_ORG_ID").ifPresent(org -> builder.header("OpenAI-Organization", org));
      environment.get("OPENAI_PROJECT_ID").ifPresent(project -> builder.header("OpenAI-Project", project));
      return new OpenAIAdapter(builder.build());
    });
  }

  @Override
  public Set<WireFormat> wireFormats() {
    return Set.of(WireFormat.OPENAI_RESPONSES);
  }

  @Override
  public ProviderAdapter fromDeclaration(ProviderDeclaration declaration, Environment environment, AdapterTimeout timeout) {
    return new OpenAIAdapter(AdapterConfig.forDeclaration(declaration, environment, timeout));
  }
}
