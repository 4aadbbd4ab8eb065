package dev.darkfactory.llm;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Token counts of one response or, summed with {@link #plus}, of a multi-step operation (unified-llm-spec §3.9).
 * Optional counts distinguish "not reported" from zero.
 */
public record Usage(
    int inputTokens,
    int outputTokens,
    int totalTokens,
    Optional<Integer> reasoningTokens,
    Optional<Integer> cacheReadTokens,
    Optional<Integer> cacheWriteTokens,
    Optional<JsonNode> raw) {

  public Usage {
    Objects.requireNonNull(reasoningTokens, "reasoningTokens");
    Objects.requireNonNull(cacheReadTokens, "cacheReadTokens");
    Objects.requireNonNull(cacheWriteTokens, "cacheWriteTokens");
    raw = raw.map(JsonNode::deepCopy);
  }

  public static Usage empty() {
    return of(0, 0);
  }

  public static Usage of(int inputTokens, int outputTokens) {
    return new Usage(
        inputTokens,
        outputTokens,
        inputTokens + outputTokens,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** Sums two usages: None + None stays None, otherwise None counts as zero (§3.9). */
  public Usage plus(Usage other) {
    return new Usage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        totalTokens + other.totalTokens,
        add(reasoningTokens, other.reasoningTokens),
        add(cacheReadTokens, other.cacheReadTokens),
        add(cacheWriteTokens, other.cacheWriteTokens),
        Optional.empty());
  }

  private static Optional<Integer> add(Optional<Integer> a, Optional<Integer> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(a.orElse(0) + b.orElse(0));
  }

  public Usage withReasoningTokens(int tokens) {
    return new Usage(inputTokens, outputTokens, totalTokens, Optional.of(tokens), cacheReadTokens, cacheWriteTokens, raw);
  }

  public Usage withCache(Optional<Integer> read, Optional<Integer> write) {
    return new Usage(inputTokens, outputTokens, totalTokens, reasoningTokens, read, write, raw);
  }

  public Usage withRaw(JsonNode rawUsage) {
    return new Usage(inputTokens, outputTokens, totalTokens, reasoningTokens, cacheReadTokens, cacheWriteTokens, Optional.of(rawUsage));
  }
}
