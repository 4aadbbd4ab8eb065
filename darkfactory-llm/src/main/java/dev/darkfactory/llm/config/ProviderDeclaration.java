package dev.darkfactory.llm.config;

import dev.darkfactory.llm.catalog.ModelInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider declared as data in a providers file: a gateway or local server added without code.
 *
 * @param name the name requests route by, e.g. "ollama"
 * @param baseUrl the API root, e.g. {@code http://localhost:11434/v1}
 * @param apiKeyVariable the environment variable holding the key; empty for keyless servers
 * @param wireFormat the API dialect
 * @param models the models it serves (merged into the client's catalog)
 * @param headers extra headers on every request (e.g. OpenRouter's {@code HTTP-Referer})
 */
public record ProviderDeclaration(
    String name,
    String baseUrl,
    Optional<String> apiKeyVariable,
    WireFormat wireFormat,
    List<ModelInfo> models,
    Map<String, String> headers) {

  public ProviderDeclaration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKeyVariable, "apiKeyVariable");
    Objects.requireNonNull(wireFormat, "wireFormat");
    models = List.copyOf(models);
    headers = Map.copyOf(headers);
  }
}
