package dev.darkfactory.llm;

import dev.darkfactory.llm.config.ProviderDeclaration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one provider (unified-llm-spec §2.2, programmatic setup).
 *
 * @param name the provider name the client routes by ("openai", or a gateway name from a providers file)
 * @param apiKey the key; empty for keyless local servers such as Ollama
 * @param baseUrl the API root, e.g. {@code https://api.openai.com/v1}
 * @param defaultHeaders headers added to every request (organization, project, gateway headers)
 * @param timeout the adapter's timeouts
 * @param endpoint when set, every generation request is POSTed to this absolute URL instead of the provider's
 *     usual path (test endpoints, unusual gateways); the wire format stays the provider's
 */
public record AdapterConfig(
    String name, Optional<String> apiKey, String baseUrl, Map<String, String> defaultHeaders, AdapterTimeout timeout,
    Optional<String> endpoint) {

  public AdapterConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(baseUrl, "baseUrl");
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    defaultHeaders = Map.copyOf(defaultHeaders);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** The request URL: the override when set, else {@code normal}. */
  public java.net.URI endpointOr(java.net.URI normal) {
    return endpoint.map(java.net.URI::create).orElse(normal);
  }

  public static Builder builder(String name, String baseUrl) {
    return new Builder(name, baseUrl);
  }

  /** The configuration of a provider declared in a providers file; its key is read from the declared variable. */
  public static AdapterConfig forDeclaration(ProviderDeclaration declaration, Environment environment,
      AdapterTimeout timeout) {
    Builder builder = builder(declaration.name(), declaration.baseUrl()).timeout(timeout);
    declaration.apiKeyVariable().flatMap(environment::get).ifPresent(builder::apiKey);
    declaration.headers().forEach(builder::header);
    return builder.build();
  }

  public AdapterConfig withTimeout(AdapterTimeout newTimeout) {
    return new AdapterConfig(name, apiKey, baseUrl, defaultHeaders, newTimeout, endpoint);
  }

  public static final class Builder {
    private final String name;
    private String baseUrl;
    private Optional<String> apiKey = Optional.empty();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private AdapterTimeout timeout = AdapterTimeout.defaults();
    private Optional<String> endpoint = Optional.empty();

    private Builder(String name, String baseUrl) {
      this.name = name;
      this.baseUrl = baseUrl;
    }

    public Builder apiKey(String value) {
      this.apiKey = Optional.ofNullable(value).filter(key -> !key.isEmpty());
      return this;
    }

    public Builder baseUrl(String value) {
      this.baseUrl = value;
      return this;
    }

    public Builder header(String header, String value) {
      headers.put(header, value);
      return this;
    }

    public Builder timeout(AdapterTimeout value) {
      this.timeout = value;
      return this;
    }

    /** Sends every generation request to this absolute URL (see {@link AdapterConfig#endpoint()}). */
    public Builder endpoint(String absoluteUrl) {
      this.endpoint = Optional.ofNullable(absoluteUrl);
      return this;
    }

    public AdapterConfig build() {
      return new AdapterConfig(name, apiKey, baseUrl, headers, timeout, endpoint);
    }
  }
}
