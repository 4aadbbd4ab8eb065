package dev.darkfactory.server.dto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of {@code POST /validate}: whether the DOT source can run, how many findings there are
 * ({@code total}, per rule in {@code counts}, per severity in {@code severities}), and the findings
 * listed: at most 20 of a rule and severity and 200 in all ({@code shown}), each remainder as one
 * entry with {@code omitted} ({@code omitted} at the top is their sum). The shape of {@code factory
 * validate --json}.
 */
public record ValidationReport(
    boolean valid, String name, int nodeCount, int edgeCount, int total, int shown, int omitted, Map<String, Integer> counts,
    Map<String, Integer> severities, List<DiagnosticDto> diagnostics) {
  public ValidationReport {
    counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
    diagnostics = List.copyOf(diagnostics);
  }
}
