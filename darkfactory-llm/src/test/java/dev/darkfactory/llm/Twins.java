package dev.darkfactory.llm;

import dev.darkfactory.testkit.FakeProviderServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Clients wired to a twin, with short timeouts so failure tests finish fast. */
public final class Twins {

  public static final AdapterTimeout FAST = new AdapterTimeout(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(500));

  private Twins() {}

  public static Client client(FakeProviderServer twin) {
    return Client.fromEnv(Environment.of(twin.environment()), FAST);
  }

  public static Client client(FakeProviderServer twin, String defaultProvider) {
    Map<String, String> env = new HashMap<>(twin.environment());
    env.put(Client.DEFAULT_PROVIDER_VARIABLE, defaultProvider);
    return Client.fromEnv(Environment.of(env), FAST);
  }

  /** A retry policy with millisecond delays that records nothing. */
  public static RetryPolicy fastRetries(int maxRetries) {
    return RetryPolicy.defaults().withMaxRetries(maxRetries).withDelays(Duration.ofMillis(1), Duration.ofSeconds(5), 2.0, false);
  }
}
