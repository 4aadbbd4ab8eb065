package dev.darkfactory.cli.conformance;

import dev.darkfactory.llm.AdapterConfig;
import dev.darkfactory.llm.AdapterTimeout;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.llm.ProviderAdapter;
import dev.darkfactory.llm.provider.anthropic.AnthropicAdapter;
import dev.darkfactory.llm.provider.gemini.GeminiAdapter;
import dev.darkfactory.llm.provider.openai.OpenAIAdapter;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the adapter's LLM client from the environment (unified-llm-spec 2.2), and honours the
 * benchmark's {@code _test_endpoint}: the one provider the request goes to is registered with its
 * generation endpoint replaced by that path on the provider's host (the mock's {@code
 * /v1/rate-limited}, {@code /v1/auth-error}).
 */
final class BenchClients {
  /**
   * Short connect timeout: a dead base URL must fail well inside the benchmark's 30 s limit;
   * generous request and stream timeouts for real agent turns.
   */
  static final AdapterTimeout TIMEOUT = new AdapterTimeout(Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(60));

  private BenchClients() {}

  static Client fromEnv(Environment environment) {
    return Client.fromEnv(environment, TIMEOUT);
  }

  /** A client whose {@code provider} (or default provider) sends every generation request to {@code path}. */
  static Client withTestEndpoint(Environment environment, Optional<String> provider, String path) {
    String name;
    try (Client probe = fromEnv(environment)) {
      name = provider.or(probe::defaultProvider).orElseThrow(() -> new ConformanceFailure("configuration",
          "no provider is configured", "Set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY."));
    }
    ProviderAdapter adapter = switch (name) {
      case "openai" -> new OpenAIAdapter(config(environment, name, "OPENAI", OpenAIAdapter.DEFAULT_BASE_URL, path));
      case "anthropic" -> new AnthropicAdapter(config(environment, name, "ANTHROPIC", AnthropicAdapter.DEFAULT_BASE_URL, path));
      case "gemini" -> new GeminiAdapter(config(environment, name, "GEMINI", GeminiAdapter.DEFAULT_BASE_URL, path));
      default -> throw new ConformanceFailure("configuration", "_test_endpoint is supported for openai, anthropic and gemini, not "
          + name, "Name one of those providers.");
    };
    return Client.builder().provider(adapter).defaultProvider(name).build();
  }

  private static AdapterConfig config(Environment environment, String name, String prefix, String defaultBase, String path) {
    String base = environment.get(prefix + "_BASE_URL").orElse(defaultBase);
    String key = environment.get(prefix + "_API_KEY").orElseThrow(() -> new ConformanceFailure("configuration",
        prefix + "_API_KEY is not set", "Set " + prefix + "_API_KEY."));
    return AdapterConfig.builder(name, base).apiKey(key).timeout(TIMEOUT).endpoint(host(base) + (path.startsWith("/") ? path : "/" + path)).build();
  }

  /** {@code http://localhost:9999/v1} becomes {@code http://localhost:9999}. */
  static String host(String baseUrl) {
    URI uri = URI.create(baseUrl);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
