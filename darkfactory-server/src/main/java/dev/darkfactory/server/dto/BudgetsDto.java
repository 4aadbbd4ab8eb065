package dev.darkfactory.server.dto;

import java.util.Optional;

/** Run limits: total tokens, total cost in US dollars, wall-clock seconds. */
public record BudgetsDto(Optional<Long> maxTokens, Optional<Double> maxCostUsd, Optional<Long> maxSeconds) {
  public BudgetsDto {
    maxTokens = maxTokens == null ? Optional.empty() : maxTokens;
    maxCostUsd = maxCostUsd == null ? Optional.empty() : maxCostUsd;
    maxSeconds = maxSeconds == null ? Optional.empty() : maxSeconds;
  }
}
