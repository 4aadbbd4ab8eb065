package dev.darkfactory.agent;

import dev.darkfactory.llm.Cost;
import dev.darkfactory.llm.Usage;
import java.util.Objects;
import java.util.Optional;

/**
 * How one {@link Session#submit} ended, including any follow-ups it processed.
 *
 * @param output the model's last text
 * @param turns model turns (LLM calls) made while processing
 * @param toolRounds rounds of tool calls executed
 * @param usage tokens spent while processing
 * @param cost their price, when the model catalog knows the model's prices
 * @param error what went wrong, when {@code stopReason} is {@code FAILED} or {@code CONTEXT_LENGTH}
 */
public record SubmitResult(
    StopReason stopReason,
    SessionState state,
    String output,
    int turns,
    int toolRounds,
    Usage usage,
    Optional<Cost> cost,
    Optional<AgentException> error) {

  public SubmitResult {
    Objects.requireNonNull(stopReason, "stopReason");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(error, "error");
  }

  /** Whether the model finished on its own. */
  public boolean completed() {
    return stopReason == StopReason.COMPLETED;
  }

  /** This result, or the error as an exception when there is one. */
  public SubmitResult orThrow() {
    if (error.isPresent()) {
      throw error.get();
    }
    return this;
  }
}
