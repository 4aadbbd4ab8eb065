package dev.darkfactory.pipeline.backend.cost;

import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.problem.InvalidValueException;
import dev.darkfactory.pipeline.state.StopReason;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a run may spend on LLM calls: {@code max_tokens} (input plus output, every call of every
 * stage) and {@code max_cost_usd} (priced from the model catalog), set as graph attributes, on the
 * command line or in the HTTP API, the command line and the API winning over the graph. Budgets
 * count across resumes: the ledger keeps the spend in the run directory. Reaching one stops the run
 * resumably, after a checkpoint; raise the budget and resume to continue.
 *
 * <p>This record is also the one place budgets are validated: {@link #parseMaxTokens}, {@link
 * #parseMaxCostUsd}, {@link #requireMaxTokens} and {@link #requireMaxCostUsd} refuse a budget that is
 * not a positive number with the same message wherever it came from (an option, a request field, a
 * graph attribute through the {@code attribute_type} lint rule), and no budget of zero or less exists.
 */
public record RunBudget(OptionalLong maxTokens, Optional<BigDecimal> maxCostUsd) {
  public static final String STOP_TOKENS = "budget_tokens";
  public static final String STOP_COST = "budget_cost";
  public static final String MAX_TOKENS = "max_tokens";
  public static final String MAX_COST_USD = "max_cost_usd";
  /** The largest cost budget: a billion dollars, far beyond any run, so a typo such as 1e999999 is refused. */
  public static final BigDecimal LARGEST_COST_USD = new BigDecimal("1000000000");

  public RunBudget {
    Objects.requireNonNull(maxTokens, "maxTokens");
    Objects.requireNonNull(maxCostUsd, "maxCostUsd");
    maxTokens.ifPresent(RunBudget::requireMaxTokens);
    maxCostUsd.ifPresent(RunBudget::requireMaxCostUsd);
  }

  /** {@code text} as a token budget: a whole number greater than zero. */
  public static long parseMaxTokens(String text) {
    String written = text.strip();
    if (written.length() > 1000 || !written.matches("[+-]?[0-9]+")) {
      throw new InvalidValueException(MAX_TOKENS + " must be a whole number of tokens greater than 0, such as 50000, not '" + clip(written) + "'");
    }
    try {
      return requireMaxTokens(Long.parseLong(written));
    } catch (NumberFormatException tooLarge) {
      if (written.startsWith("-")) {
        throw notPositiveTokens(written);
      }
      throw new InvalidValueException(MAX_TOKENS + " " + clip(written) + " is too large: the largest is " + Long.MAX_VALUE);
    }
  }

  /** {@code tokens}, when it is a valid token budget (greater than zero). */
  public static long requireMaxTokens(long tokens) {
    if (tokens <= 0) {
      throw notPositiveTokens(Long.toString(tokens));
    }
    return tokens;
  }

  /** {@code text} as a cost budget in US dollars: a number greater than zero, at most {@link #LARGEST_COST_USD}. */
  public static BigDecimal parseMaxCostUsd(String text) {
    String written = text.strip();
    BigDecimal value;
    try {
      value = written.length() > 40 ? null : new BigDecimal(written);
    } catch (NumberFormatException notANumber) {
      value = null;
    }
    if (value == null) {
      throw new InvalidValueException(MAX_COST_USD + " must be a number of US dollars greater than 0, such as 5 or 0.50, not '"
          + clip(written) + "'");
    }
    return requireMaxCostUsd(value);
  }

  /** {@code usd}, when it is a valid cost budget: greater than zero and at most {@link #LARGEST_COST_USD}. */
  public static BigDecimal requireMaxCostUsd(BigDecimal usd) {
    if (usd.signum() <= 0) {
      throw new InvalidValueException(MAX_COST_USD + " must be a number of US dollars greater than 0, such as 5 or 0.50, not "
          + usd.toString());
    }
    if (usd.compareTo(LARGEST_COST_USD) > 0) {
      throw new InvalidValueException(MAX_COST_USD + " " + usd + " is too large: the largest is " + LARGEST_COST_USD.toPlainString());
    }
    return usd;
  }

  private static String clip(String written) {
    return written.length() > 40 ? written.substring(0, 40) + "..." : written;
  }

  private static InvalidValueException notPositiveTokens(String written) {
    return new InvalidValueException(MAX_TOKENS + " must be a whole number of tokens greater than 0, such as 50000, not " + written);
  }

  public static RunBudget unlimited() {
    return new RunBudget(OptionalLong.empty(), Optional.empty());
  }

  /** The graph's {@code max_tokens} and {@code max_cost_usd}. */
  public static RunBudget of(Graph graph) {
    OptionalLong tokens = graph.attributes().get(MAX_TOKENS).map(RunBudget::number)
        .map(n -> OptionalLong.of(n.longValue())).orElse(OptionalLong.empty());
    Optional<BigDecimal> cost = graph.attributes().get(MAX_COST_USD).map(RunBudget::number);
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
          + maxCostUsd.get().toPlainString() + " (max_cost_usd). Raise it with --max-cost-usd and resume", true));
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
