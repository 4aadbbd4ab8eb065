package dev.darkfactory.pipeline.backend.cost;

import dev.darkfactory.llm.Cost;
import dev.darkfactory.llm.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens and money spent by one LLM call, one stage, one node or a whole run.
 *
 * @param inputTokens prompt tokens, cached ones included (unified-llm-spec 3.9)
 * @param outputTokens completion tokens, reasoning included
 * @param cacheReadTokens prompt tokens read from the provider's cache
 * @param costUsd the price of the priced calls
 * @param unpricedCalls calls whose model the catalog has no price for: their cost is unknown, not zero
 * @param llmCalls how many calls
 */
public record Spend(long inputTokens, long outputTokens, long cacheReadTokens, BigDecimal costUsd, int unpricedCalls, int llmCalls) {
  public static final Spend ZERO = new Spend(0, 0, 0, BigDecimal.ZERO, 0, 0);

  public Spend {
    Objects.requireNonNull(costUsd, "costUsd");
  }

  /** One call's spend from its usage and, when the catalog knows the model's prices, its cost. */
  public static Spend of(Usage usage, Optional<Cost> cost) {
    return new Spend(usage.inputTokens(), usage.outputTokens(), usage.cacheReadTokens().orElse(0),
        cost.map(Cost::total).orElse(BigDecimal.ZERO), cost.isPresent() ? 0 : 1, 1);
  }

  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  public Spend plus(Spend other) {
    return new Spend(inputTokens + other.inputTokens, outputTokens + other.outputTokens, cacheReadTokens + other.cacheReadTokens,
        costUsd.add(other.costUsd), unpricedCalls + other.unpricedCalls, llmCalls + other.llmCalls);
  }

  /** What was spent since {@code earlier}, a previous total of the same ledger. */
  public Spend minus(Spend earlier) {
    return new Spend(inputTokens - earlier.inputTokens, outputTokens - earlier.outputTokens, cacheReadTokens - earlier.cacheReadTokens,
        costUsd.subtract(earlier.costUsd), unpricedCalls - earlier.unpricedCalls, llmCalls - earlier.llmCalls);
  }

  /** {@code 12.3k tok, $0.0123}: the short form for a progress line. */
  public String brief() {
    long tokens = totalTokens();
    String count = tokens < 1000 ? Long.toString(tokens) : String.format(Locale.ROOT, "%.1fk", tokens / 1000.0);
    return count + " tok, " + cost();
  }

  /** {@code 1,234 tokens (1,000 in, 234 out), $0.0123}; the cost is marked when some calls were not priced. */
  public String describe() {
    return String.format(Locale.ROOT, "%,d tokens (%,d in, %,d out), %s", totalTokens(), inputTokens, outputTokens, cost());
  }

  /** The cost as {@code $0.0123}, {@code $0.0123+} when some calls were not priced, {@code $?} when none was. */
  public String cost() {
    if (llmCalls > 0 && unpricedCalls == llmCalls) {
      return "$?";
    }
    return "$" + costUsd.setScale(4, RoundingMode.HALF_UP).toPlainString() + (unpricedCalls > 0 ? "+" : "");
  }
}
