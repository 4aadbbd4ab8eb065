package dev.darkfactory.agent;

import dev.darkfactory.llm.Cost;
import dev.darkfactory.llm.Usage;
import java.util.Objects;
import java.util.Optional;

/**
 * What a session has spent so far: tokens over all LLM calls, their price where the model catalog
 * knows it, and the number of calls. Subagents account for themselves.
 */
public record UsageSummary(Usage usage, Optional<Cost> cost, int llmCalls) {
  public UsageSummary {
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(cost, "cost");
  }

  public static UsageSummary empty() {
    return new UsageSummary(Usage.empty(), Optional.empty(), 0);
  }

  /** Adds one response's usage and cost. */
  public UsageSummary plus(Usage more, Optional<Cost> moreCost) {
    Optional<Cost> total = cost.isEmpty() ? moreCost : moreCost.map(c -> cost.get().plus(c)).or(() -> cost);
    return new UsageSummary(usage.plus(more), total, llmCalls + 1);
  }
}
