package dev.darkfactory.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A complete model response (unified-llm-spec §3.7). {@code cost} is an extension: the client fills it from the
 * model catalog when the model's prices are known.
 */
public record Response(
    String id,
    String model,
    String provider,
    Message message,
    FinishReason finishReason,
    Usage usage,
    Optional<JsonNode> raw,
    List<Warning> warnings,
    Optional<RateLimitInfo> rateLimit,
    Optional<Cost> cost) {

  public Response {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(raw, "raw");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(cost, "cost");
  }

  /** Concatenated text of the assistant message. */
  public String text() {
    return message.text();
  }

  public List<ToolCall> toolCalls() {
    return message.toolCalls();
  }

  /** Concatenated thinking text, or empty when the response has no visible reasoning. */
  public Optional<String> reasoning() {
    List<String> parts = message.content().stream()
        .filter(ContentPart.Thinking.class::isInstance)
        .map(part -> ((ContentPart.Thinking) part).text())
        .toList();
    return parts.isEmpty() ? Optional.empty() : Optional.of(parts.stream().collect(Collectors.joining()));
  }

  /** Whether the output was cut off by {@code max_tokens} (never a clean finish). */
  public boolean truncated() {
    return finishReason.reason() == FinishReason.Reason.LENGTH;
  }

  public Response withCost(Optional<Cost> newCost) {
    return new Response(id, model, provider, message, finishReason, usage, raw, warnings, rateLimit, newCost);
  }

  public Response withRateLimit(Optional<RateLimitInfo> info) {
    return new Response(id, model, provider, message, finishReason, usage, raw, warnings, info, cost);
  }
}
