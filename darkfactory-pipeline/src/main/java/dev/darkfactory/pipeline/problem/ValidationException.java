package dev.darkfactory.pipeline.problem;

import java.util.List;
import java.util.stream.Collectors;

/** A graph with error-severity diagnostics (attractor-spec.md 7.3 {@code validate_or_raise}). */
public final class ValidationException extends PipelineException {
  private final List<Diagnostic> diagnostics;

  public ValidationException(List<Diagnostic> diagnostics) {
    super(format(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The errors, summarised past {@link DiagnosticSummary.Limits#DEFAULT} so ten thousand of them make a readable message. */
  private static String format(List<Diagnostic> diagnostics) {
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    String header = errors.size() == 1 ? "the pipeline has 1 error:" : "the pipeline has " + errors.size() + " errors:";
    return DiagnosticSummary.of(errors).listed().stream().map(d -> "  " + d).collect(Collectors.joining("\n", header + "\n", ""));
  }

  /** All diagnostics, warnings included. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }
}
