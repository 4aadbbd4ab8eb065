package dev.darkfactory.server.dto;

import java.util.Optional;

/** Tokens and cost, summed from the events or stage files that report them. */
public record UsageDto(long inputTokens, long outputTokens, long totalTokens, Optional<Double> costUsd) {}
