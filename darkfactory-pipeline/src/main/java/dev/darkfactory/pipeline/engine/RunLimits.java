package dev.darkfactory.pipeline.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Bounds for the loops the spec leaves open, and engine-wide defaults. A pipeline's own attributes
 * win: {@code max_visits} on the node, then on the graph; {@code max_goal_gate_retries}, {@code
 * max_restarts}, {@code timeout} and {@code retry_on_fail} on the graph. Hitting a bound fails the
 * run with a message naming the bound and the node.
 *
 * @param maxVisits how often one node may be entered in one traversal
 * @param maxGoalGateRetries how many times an unsatisfied goal gate may send the run back (3.4)
 * @param maxRestarts how many {@code loop_restart} edges a run may follow
 * @param runTimeout the whole run's wall-clock limit when the graph sets none
 * @param retryOnFail whether FAIL outcomes are retried when {@code max_retries} allows (11.5)
 */
public record RunLimits(int maxVisits, int maxGoalGateRetries, int maxRestarts, Optional<Duration> runTimeout, boolean retryOnFail) {
  public RunLimits {
    Objects.requireNonNull(runTimeout, "runTimeout");
  }

  /** 50 visits per node, 5 goal-gate retries, 10 restarts, no wall-clock limit, FAIL retried. */
  public static RunLimits defaults() {
    return new RunLimits(50, 5, 10, Optional.empty(), true);
  }

  public RunLimits withRunTimeout(Duration limit) {
    return new RunLimits(maxVisits, maxGoalGateRetries, maxRestarts, Optional.of(limit), retryOnFail);
  }

  public RunLimits withRetryOnFail(boolean enabled) {
    return new RunLimits(maxVisits, maxGoalGateRetries, maxRestarts, runTimeout, enabled);
  }

  public RunLimits withMaxVisits(int visits) {
    return new RunLimits(visits, maxGoalGateRetries, maxRestarts, runTimeout, retryOnFail);
  }
}
