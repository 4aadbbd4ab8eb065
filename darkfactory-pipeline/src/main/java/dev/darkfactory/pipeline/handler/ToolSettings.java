package dev.darkfactory.pipeline.handler;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How tool nodes run commands.
 *
 * @param defaultTimeout for nodes without {@code timeout}
 * @param killGrace how long a timed-out or cancelled command gets between SIGTERM and SIGKILL
 * @param maxContextOutput how many characters of stdout/stderr go into the context (the whole output is in the stage directory)
 * @param environmentPolicy which of the engine's environment variables a command inherits; the
 *     graph's and the node's {@code pass_env} names are added to it per node
 */
public record ToolSettings(Duration defaultTimeout, Duration killGrace, int maxContextOutput, EnvironmentPolicy environmentPolicy) {
  public ToolSettings {
    Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    Objects.requireNonNull(killGrace, "killGrace");
    Objects.requireNonNull(environmentPolicy, "environmentPolicy");
  }

  /** With the default environment policy (the allow-list). */
  public ToolSettings(Duration defaultTimeout, Duration killGrace, int maxContextOutput) {
    this(defaultTimeout, killGrace, maxContextOutput, EnvironmentPolicy.defaults());
  }

  /** Ten minutes per command, two seconds' grace, 64 KiB of output in the context, the default environment policy (the allow-list). */
  public static ToolSettings defaults() {
    return new ToolSettings(Duration.ofMinutes(10), Duration.ofSeconds(2), 64 * 1024, EnvironmentPolicy.defaults());
  }

  /** These settings with {@code value} deciding what commands inherit (a host's {@code --pass-env} names, for example). */
  public ToolSettings withEnvironmentPolicy(EnvironmentPolicy value) {
    return new ToolSettings(defaultTimeout, killGrace, maxContextOutput, value);
  }
}
