package dev.darkfactory.server.dto;

import java.util.Optional;

/**
 * One validation finding (attractor-spec.md 7.1) with the line and column it points at, when known;
 * or, with {@code omitted}, the line standing for that many more of its rule that were not listed.
 */
public record DiagnosticDto(
    String rule,
    String severity,
    String message,
    Optional<String> nodeId,
    Optional<String> edge,
    Optional<String> fix,
    Optional<Integer> line,
    Optional<Integer> column,
    Optional<Integer> omitted) {}
