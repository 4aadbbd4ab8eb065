package dev.darkfactory.server.dto;

import java.util.List;

/** The answer of {@code POST /validate}: whether the DOT source can run, and every finding. */
public record ValidationReport(boolean valid, String name, int nodeCount, int edgeCount, List<DiagnosticDto> diagnostics) {
  public ValidationReport {
    diagnostics = List.copyOf(diagnostics);
  }
}
