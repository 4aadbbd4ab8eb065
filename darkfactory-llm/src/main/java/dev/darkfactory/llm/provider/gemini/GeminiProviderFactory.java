package dev.darkfactory.llm.provider.gemini;

import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.AdapterTimeout;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.ProviderAdapter;
import dev.darkfactory.llm.ProviderFactory;
import dev.darkfactory.llm.config.ProviderDeclaration;
import dev.darkfactory.llm.config.WireFormat;
import java.util.Optional;
import java.util.Set;

/** Registers Gemini from {@code GEMINI_API_KEY} (or {@code GOOGLE_API_KEY}) and {@code GEMINI_BASE_URL} (§2.2). */
public final class GeminiProviderFactory implements ProviderFactory {

  @Override
  public String name() {
    return "gemini";
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public Optional<ProviderAdapter> fromEnvironment(Environment environment, AdapterTimeout timeout) {
    return environment.first("GEMINI_API_KEY", "GOOGLE_API_KEY").map(key -> new GeminiAdapter(
        AdapterConfig.builder("gemini", environment.get("GEMINI_BASE_URL").orElse(GeminiAdapter.DEFAULT_BASE_URL))
            .apiKey(key)
            .timeout(timeout)
            .build()));
  }

  @Override
  public Set<WireFormat> wireFormats() {
    return Set.of(WireFormat.GEMINI);
  }

  @Override
  public ProviderAdapter fromDeclaration(ProviderDeclaration declaration, Environment environment, AdapterTimeout timeout) {
    return new GeminiAdapter(AdapterConfig.forDeclaration(declaration, environment, timeout));
  }
}
