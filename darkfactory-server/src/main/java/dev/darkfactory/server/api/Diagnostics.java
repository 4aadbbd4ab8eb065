package dev.darkfactory.server.api;

import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.DiagnosticSummary;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.report.DiagnosticJson;
import dev.darkfactory.server.dto.DiagnosticDto;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Validation findings on the wire: summarised, so a pipeline with 50,000 findings gets a bounded answer. */
final class Diagnostics {
  private Diagnostics() {}

  static List<DiagnosticDto> of(DiagnosticSummary summary) {
    List<DiagnosticDto> listed = new ArrayList<>(summary.shown().stream().map(Diagnostics::of).toList());
    summary.omitted().forEach(o -> listed.add(withOmitted(of(o.asDiagnostic()), o.count())));
    return listed;
  }

  private static DiagnosticDto withOmitted(DiagnosticDto d, int count) {
    return new DiagnosticDto(d.rule(), d.severity(), d.message(), d.nodeId(), d.edge(), d.fix(), d.line(), d.column(), Optional.of(count));
  }

  static DiagnosticDto of(DotSyntaxException error) {
    return of(DiagnosticJson.asDiagnostic(error));
  }

  static DiagnosticDto of(Diagnostic d) {
    boolean known = d.position().isKnown();
    return new DiagnosticDto(d.rule(), d.severity().label(), d.message(), d.nodeId(), d.edge().map(Object::toString), d.fix(),
        known ? Optional.of(d.position().line()) : Optional.empty(), known ? Optional.of(d.position().column()) : Optional.empty(),
        Optional.empty());
  }
}
