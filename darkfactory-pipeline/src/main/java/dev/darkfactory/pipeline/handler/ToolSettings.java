package dev.darkfactory.pipeline.handler;

import java.time.Duration;
import java.util.Objects;

/**
 * How tool nodes run commands.
 *
 * @param defaultTimeout for nodes without {@code timeout}
 * @param killGrace how long a timed-out or cancelled command gets between SIGTERM and SIGKILL
 * @param maxContextOutput how many characters of stdout/stderr go into the context (the whole output is in the stage directory)
 */
public record ToolSettings(Duration defaultTimeout, Duration killGrace, int maxContextOutput) {
  public ToolSettings {
    Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    Objects.requireNonNull(killGrace, "killGrace");
  }

  /** Ten minutes per command, two seconds' grace, 64 KiB of output in the context. */
  public static ToolSettings defaults() {
    return new ToolSettings(Duration.ofMinutes(10), Duration.ofSeconds(2), 64 * 1024);
  }
}
