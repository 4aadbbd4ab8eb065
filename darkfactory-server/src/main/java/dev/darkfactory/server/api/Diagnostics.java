package dev.darkfactory.server.api;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.report.DiagnosticJson;
import dev.darkfactory.server.dto.DiagnosticDto;
import java.util.List;
import java.util.Optional;

/** Validation findings on the wire. */
final class Diagnostics {
  private Diagnostics() {}

  static List<DiagnosticDto> of(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostics::of).toList();
  }

  static DiagnosticDto of(DotSyntaxException error) {
    return of(DiagnosticJson.asDiagnostic(error));
  }

  static DiagnosticDto of(Diagnostic d) {
    boolean known = d.position().isKnown();
    return new DiagnosticDto(d.rule(), d.severity().label(), d.message(), d.nodeId(), d.edge().map(Object::toString), d.fix(),
        known ? Optional.of(d.position().line()) : Optional.empty(), known ? Optional.of(d.position().column()) : Optional.empty());
  }
}
