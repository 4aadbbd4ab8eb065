package dev.darkfactory.server.run;

import dev.darkfactory.server.store.IndexedRun;
import java.util.Objects;
import java.util.Optional;

/**
 * How an execution ended, in the index's words.
 *
 * @param status {@link IndexedRun#SUCCESS}, {@link IndexedRun#SUCCESS_WITH_FAILURES}, {@link
 *     IndexedRun#FAIL} or {@link IndexedRun#STOPPED}
 * @param message why it failed or stopped, or which failed stages it passed over
 */
public record RunResult(String status, Optional<String> message) {
  public RunResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }

  public static RunResult success() {
    return new RunResult(IndexedRun.SUCCESS, Optional.empty());
  }

  /** The run reached its exit past stages that failed. */
  public static RunResult successWithFailures(java.util.List<String> failedStages) {
    return new RunResult(IndexedRun.SUCCESS_WITH_FAILURES, Optional.of("the run reached its exit but passed over "
        + (failedStages.size() == 1 ? "a failed stage: " : failedStages.size() + " failed stages: ") + String.join(", ", failedStages)));
  }

  public static RunResult fail(String why) {
    return new RunResult(IndexedRun.FAIL, Optional.of(why));
  }

  public static RunResult stopped(String why) {
    return new RunResult(IndexedRun.STOPPED, Optional.of(why));
  }
}
