package dev.darkfactory.agent.tool;

import java.time.Duration;
import java.util.Objects;

/**
 * Command timeouts in force for a call (coding-agent-loop-spec §2.2, §5.4): the default when the
 * call sets none, and the upper bound any call is held to.
 */
public record CommandTimeouts(Duration defaultTimeout, Duration maxTimeout) {
  public CommandTimeouts {
    Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    Objects.requireNonNull(maxTimeout, "maxTimeout");
  }

  /** The spec's defaults: 10 s, at most 10 min. */
  public static CommandTimeouts defaults() {
    return new CommandTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(10));
  }

  /** The requested timeout (or {@code fallback}) held to the maximum. */
  public Duration effective(java.util.Optional<Duration> requested, Duration fallback) {
    Duration chosen = requested.orElse(fallback);
    return chosen.compareTo(maxTimeout) > 0 ? maxTimeout : chosen;
  }
}
