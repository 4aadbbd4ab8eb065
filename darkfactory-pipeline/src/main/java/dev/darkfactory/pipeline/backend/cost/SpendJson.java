package dev.darkfactory.pipeline.backend.cost;

import dev.darkfactory.pipeline.state.JsonValues;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link Spend} as JSON: {@code input_tokens}, {@code output_tokens}, {@code total_tokens}, {@code cost_usd}, ... */
public final class SpendJson {
  private SpendJson() {}

  public static ObjectNode of(Spend spend) {
    return JsonValues.object()
        .put("input_tokens", spend.inputTokens())
        .put("output_tokens", spend.outputTokens())
        .put("total_tokens", spend.totalTokens())
        .put("cache_read_tokens", spend.cacheReadTokens())
        .put("cost_usd", spend.costUsd())
        .put("unpriced_calls", spend.unpricedCalls())
        .put("llm_calls", spend.llmCalls());
  }

  public static Spend from(JsonNode json) {
    return new Spend(json.path("input_tokens").asLong(0), json.path("output_tokens").asLong(0), json.path("cache_read_tokens").asLong(0),
        json.path("cost_usd").isNumber() ? json.path("cost_usd").decimalValue() : BigDecimal.ZERO,
        json.path("unpriced_calls").asInt(0), json.path("llm_calls").asInt(0));
  }
}
