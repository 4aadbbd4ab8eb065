package dev.darkfactory.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * The three timeout scopes of an adapter (unified-llm-spec §4.7). {@code streamRead} is enforced by an idle watchdog
 * on every stream, because the JDK client's request timeout stops at the response headers.
 *
 * @param connect time to establish the connection (default 10 s)
 * @param request time for a whole non-streaming exchange (default 120 s)
 * @param streamRead longest silence allowed between two stream events (default 30 s)
 */
public record AdapterTimeout(Duration connect, Duration request, Duration streamRead) {
  public AdapterTimeout {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(streamRead, "streamRead");
  }

  public static AdapterTimeout defaults() {
    return new AdapterTimeout(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(30));
  }
}
