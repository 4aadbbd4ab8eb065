package dev.darkfactory.server.run;

import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.graph.DurationText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a run was asked to go: stored next to the run ({@code server-run.json}) so that a resume
 * after a restart starts the same backend with the same inputs.
 *
 * @param backend the backend's name ({@code BackendKind.wire()}): {@code agent}, {@code simulation} or {@code scripted}
 * @param script the scripted backend's JSON, when {@code backend} is {@code scripted}
 * @param goal replaces the graph's {@code goal} when present
 * @param context initial context values ({@code factory run --context})
 * @param passEnv environment variables the run's commands get besides the allow-list ({@code pass_env})
 */
public record RunOptions(
    String backend,
    Optional<String> script,
    Optional<String> goal,
    Map<String, String> context,
    Budgets budgets,
    String startedBy,
    List<String> passEnv) {

  public RunOptions {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(goal, "goal");
    context = Map.copyOf(context);
    Objects.requireNonNull(budgets, "budgets");
    Objects.requireNonNull(startedBy, "startedBy");
    passEnv = List.copyOf(passEnv);
  }

  /**
   * Limits for the whole run, each absent when not set; validated as {@code factory run} validates
   * them ({@link RunBudget}, {@link DurationText}), so no run holds a budget of zero or less.
   */
  public record Budgets(OptionalLong maxTokens, Optional<BigDecimal> maxCostUsd, Optional<Duration> timeout) {
    public Budgets {
      Objects.requireNonNull(maxTokens, "maxTokens");
      Objects.requireNonNull(maxCostUsd, "maxCostUsd");
      Objects.requireNonNull(timeout, "timeout");
      maxTokens.ifPresent(RunBudget::requireMaxTokens);
      maxCostUsd.ifPresent(RunBudget::requireMaxCostUsd);
      timeout.ifPresent(DurationText::require);
    }

    public static Budgets none() {
      return new Budgets(OptionalLong.empty(), Optional.empty(), Optional.empty());
    }
  }
}
