package dev.darkfactory.cli.llm;

import dev.darkfactory.llm.Response;
import dev.darkfactory.llm.Usage;
import java.math.RoundingMode;

/** The one-line usage and cost summary printed after a streamed completion. */
final class UsageLine {

  private UsageLine() {}

  static String of(Response response) {
    Usage usage = response.usage();
    StringBuilder line = new StringBuilder("[").append(response.provider()).append(' ').append(response.model())
        .append("] tokens: ").append(usage.inputTokens()).append(" in");
    usage.cacheReadTokens().filter(read -> read > 0).ifPresent(read -> line.append(" (").append(read).append(" cached)"));
    line.append(", ").append(usage.outputTokens()).append(" out");
    usage.reasoningTokens().filter(reasoning -> reasoning > 0).ifPresent(r -> line.append(" (").append(r).append(" reasoning)"));
    line.append(" | cost: ").append(response.cost()
        .map(cost -> "$" + cost.total().setScale(6, RoundingMode.HALF_UP).toPlainString())
        .orElse("unknown (model not priced in the catalog)"));
    line.append(" | finish: ").append(response.finishReason().reason().wireName());
    if (response.truncated()) {
      line.append(" (cut off by max_tokens)");
    }
    return line.toString();
  }
}
