package dev.darkfactory.server.dto;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Run limits as sent: {@code max_tokens} (total tokens), {@code max_cost_usd} (US dollars) and
 * {@code timeout} (wall clock, a duration such as {@code "30m"}), the names of the graph attributes,
 * the manifest and {@code factory run} (docs/names.md). {@code max_seconds} (a number of seconds) is
 * the deprecated name of {@code timeout}, still accepted. Values are kept as JSON so that the one
 * validation of budgets ({@code RunBudget}, {@code DurationText}) gives its own plain message for a
 * wrong one, the message {@code factory run} gives.
 */
public record BudgetsDto(Optional<JsonNode> maxTokens, Optional<JsonNode> maxCostUsd, Optional<JsonNode> timeout, Optional<JsonNode> maxSeconds) {
  public BudgetsDto {
    maxTokens = present(maxTokens);
    maxCostUsd = present(maxCostUsd);
    timeout = present(timeout);
    maxSeconds = present(maxSeconds);
  }

  /** Jackson hands an absent or null JsonNode over as null, or a null or missing node inside the Optional. */
  private static Optional<JsonNode> present(Optional<JsonNode> value) {
    return value == null ? Optional.empty() : value.filter(node -> !node.isNull() && !node.isMissingNode());
  }
}
