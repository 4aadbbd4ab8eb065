package dev.darkfactory.server.run;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a run was asked to go: stored next to the run ({@code server-run.json}) so that a resume
 * after a restart starts the same backend with the same inputs.
 *
 * @param backend {@code simulation} or {@code scripted}
 * @param script the scripted backend's JSON, when {@code backend} is {@code scripted}
 * @param goal replaces the graph's {@code goal} when present
 * @param variables initial context values
 * @param passEnv environment variables the run's commands get besides the allow-list ({@code pass_env})
 */
public record RunOptions(
    String backend,
    Optional<String> script,
    Optional<String> goal,
    Map<String, String> variables,
    Budgets budgets,
    String startedBy,
    List<String> passEnv) {

  public RunOptions {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(goal, "goal");
    variables = Map.copyOf(variables);
    Objects.requireNonNull(budgets, "budgets");
    Objects.requireNonNull(startedBy, "startedBy");
    passEnv = List.copyOf(passEnv);
  }

  /** Limits for the whole run; each is absent when not set. */
  public record Budgets(Optional<Long> maxTokens, Optional<Double> maxCostUsd, Optional<Long> maxSeconds) {
    public static Budgets none() {
      return new Budgets(Optional.empty(), Optional.empty(), Optional.empty());
    }
  }
}
