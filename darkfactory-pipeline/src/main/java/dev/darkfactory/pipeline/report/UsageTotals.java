package dev.darkfactory.pipeline.report;

import java.util.Optional;

/**
 * Tokens and cost summed from the events that report them ({@code usage}: {@code input_tokens},
 * {@code output_tokens}, {@code total_tokens}, {@code cost_usd}).
 *
 * @param costUsd absent when no event reported a cost
 */
public record UsageTotals(long inputTokens, long outputTokens, long totalTokens, Optional<Double> costUsd) {}
