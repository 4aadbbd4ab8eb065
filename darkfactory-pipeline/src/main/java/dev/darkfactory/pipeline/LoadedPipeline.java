package dev.darkfactory.pipeline;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.ValidationException;
import dev.darkfactory.pipeline.source.SourceText;
import java.util.List;
import java.util.Objects;

/**
 * A parsed, transformed and validated pipeline.
 *
 * @param source the text it came from, for showing diagnostics against their lines
 * @param parsed the graph as written
 * @param graph the graph after transforms: what the engine runs
 * @param diagnostics every finding of validation, sorted by position
 */
public record LoadedPipeline(SourceText source, Graph parsed, Graph graph, List<Diagnostic> diagnostics) {

  public LoadedPipeline {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(parsed, "parsed");
    Objects.requireNonNull(graph, "graph");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** The runnable graph, or a {@link ValidationException} when validation found errors (7.1). */
  public Graph requireValid() {
    if (hasErrors()) {
      throw new ValidationException(diagnostics);
    }
    return graph;
  }
}
