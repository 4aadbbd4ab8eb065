package dev.darkfactory.server.run;

import dev.darkfactory.server.store.IndexedRun;
import java.util.Objects;
import java.util.Optional;

/**
 * How an execution ended, in the index's words.
 *
 * @param status {@link IndexedRun#SUCCESS}, {@link IndexedRun#FAIL} or {@link IndexedRun#STOPPED}
 * @param message why it failed or stopped
 */
public record RunResult(String status, Optional<String> message) {
  public RunResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }

  public static RunResult success() {
    return new RunResult(IndexedRun.SUCCESS, Optional.empty());
  }

  public static RunResult fail(String why) {
    return new RunResult(IndexedRun.FAIL, Optional.of(why));
  }

  public static RunResult stopped(String why) {
    return new RunResult(IndexedRun.STOPPED, Optional.of(why));
  }
}
