package dev.darkfactory.llm;

import dev.darkfactory.testkit.FakeProviderServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Clients wired to a twin. */
public final class Twins {

  /**
   * Shorter than the defaults, so a test that fails on a hang fails in seconds, yet long enough that a loaded
   * machine never trips them in a test that expects an answer. A test of a timeout sets its own.
   */
  public static final AdapterTimeout FAST = new AdapterTimeout(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5));

  private Twins() {}

  public static Client client(FakeProviderServer twin) {
    return Client.fromEnv(Environment.of(twin.environment()), FAST);
  }

  public static Client client(FakeProviderServer twin, String defaultProvider) {
    Map<String, String> env = new HashMap<>(twin.environment());
    env.put(Client.DEFAULT_PROVIDER_VARIABLE, defaultProvider);
    return Client.fromEnv(Environment.of(env), FAST);
  }

  /** The name under which {@link #clientWithGateway} declares the twin as a Chat Completions gateway. */
  public static final String GATEWAY = "openai-compatible";

  /**
   * As {@link #client(FakeProviderServer)}, plus the twin declared in a providers file as {@value #GATEWAY}: a
   * Chat Completions gateway (the {@code OpenAICompatibleAdapter}) with its key in {@code GATEWAY_KEY}.
   */
  public static Client clientWithGateway(FakeProviderServer twin) {
    return clientWithGateway(twin, FAST);
  }

  /** As {@link #clientWithGateway(FakeProviderServer)}, with these timeouts. */
  public static Client clientWithGateway(FakeProviderServer twin, AdapterTimeout timeouts) {
    Map<String, String> env = new HashMap<>(twin.environment());
    env.put("GATEWAY_KEY", "test-key");
    try {
      // Under target/, not the system temporary directory: tests write only there and in their @TempDir.
      Path file = Files.createTempFile(Files.createDirectories(Path.of("target", "test-tmp")), "providers", ".json");
      try {
        Files.writeString(file, """
            {"providers": [{"name": "%s", "base_url": "%s/v1", "api_key_env": "GATEWAY_KEY", "wire_format": "openai-chat"}]}
            """.formatted(GATEWAY, twin.baseUrl()));
        env.put(Client.PROVIDERS_FILE_VARIABLE, file.toString());
        return Client.fromEnv(Environment.of(env), timeouts);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A retry policy with millisecond delays that records nothing. */
  public static RetryPolicy fastRetries(int maxRetries) {
    return RetryPolicy.defaults().withMaxRetries(maxRetries).withDelays(Duration.ofMillis(1), Duration.ofSeconds(5), 2.0, false);
  }
}
