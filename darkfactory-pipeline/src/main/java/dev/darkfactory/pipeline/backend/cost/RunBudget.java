package dev.darkfactory.pipeline.backend.cost;

import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.state.StopReason;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a run may spend on LLM calls: {@code max_tokens} (input plus output, every call of every
 * stage) and {@code max_cost_usd} (priced from the model catalog), set as graph attributes or on the
 * command line, the command line winning. Budgets count across resumes: the ledger keeps the spend
 * in the run directory. Reaching one stops the run resumably, after a checkpoint; raise the budget
 * and resume to continue.
 */
public record RunBudget(OptionalLong maxTokens, Optional<BigDecimal> maxCostUsd) {
  public static final String STOP_TOKENS = "budget_tokens";
  public static final String STOP_COST = "budget_cost";

  public RunBudget {
    Objects.requireNonNull(maxTokens, "maxTokens");
    Objects.requireNonNull(maxCostUsd, "maxCostUsd");
  }

  public static RunBudget unlimited() {
    return new RunBudget(OptionalLong.empty(), Optional.empty());
  }

  /** The graph's {@code max_tokens} and {@code max_cost_usd}. */
  public static RunBudget of(Graph graph) {
    OptionalLong tokens = graph.attributes().get("max_tokens").map(RunBudget::number)
        .map(n -> OptionalLong.of(n.longValue())).orElse(OptionalLong.empty());
    Optional<BigDecimal> cost = graph.attributes().get("max_cost_usd").map(RunBudget::number);
    return new RunBudget(tokens, cost);
  }

  /** This budget with every limit {@code overrides} sets replacing ours. */
  public RunBudget overriddenBy(RunBudget overrides) {
    return new RunBudget(overrides.maxTokens.isPresent() ? overrides.maxTokens : maxTokens,
        overrides.maxCostUsd.or(() -> maxCostUsd));
  }

  public boolean isUnlimited() {
    return maxTokens.isEmpty() && maxCostUsd.isEmpty();
  }

  /** Why no further LLM call may start after {@code spent}, if a limit is reached. */
  public Optional<StopReason> check(Spend spent) {
    if (maxTokens.isPresent() && spent.totalTokens() >= maxTokens.getAsLong()) {
      return Optional.of(new StopReason(STOP_TOKENS, String.format(Locale.ROOT,
          "the run's token budget is used up: %,d of %,d tokens (max_tokens). Raise it with --max-tokens and resume",
          spent.totalTokens(), maxTokens.getAsLong()), true));
    }
    if (maxCostUsd.isPresent() && spent.costUsd().compareTo(maxCostUsd.get()) >= 0) {
      return Optional.of(new StopReason(STOP_COST, "the run's cost budget is used up: " + spent.cost() + " of $"
          + maxCostUsd.get().toPlainString() + " (max_cost_usd). Raise it with --max-cost and resume", true));
    }
    return Optional.empty();
  }

  private static BigDecimal number(AttributeValue value) {
    return switch (value) {
      case AttributeValue.IntegerValue i -> BigDecimal.valueOf(i.value());
      case AttributeValue.FloatValue f -> BigDecimal.valueOf(f.value());
      case AttributeValue.StringValue s -> new BigDecimal(s.value().trim());
      case AttributeValue.BooleanValue b -> throw new IllegalArgumentException("a budget is a number, not " + b.value());
      case AttributeValue.DurationValue d -> throw new IllegalArgumentException("a budget is a number, not the duration " + d.source());
    };
  }
}
