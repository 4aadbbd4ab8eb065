package dev.darkfactory.cli.conformance;

import dev.darkfactory.pipeline.LoadedPipeline;
import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.backend.SimulationBackend;
import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.dot.DotSource;
import dev.darkfactory.pipeline.graph.HandlerTypes;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.human.AutoApproveInterviewer;
import dev.darkfactory.pipeline.lint.rule.FailureReachesExitRule;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.problem.PipelineSourceException;
import dev.darkfactory.pipeline.report.DiagnosticJson;
import dev.darkfactory.pipeline.source.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tier 3 front end: {@code parse}, {@code validate} and {@code list-handlers} on the pipeline
 * library (attractor-spec.md 2, 7, 4.2). {@code run} lives in {@link RunCommand}.
 */
final class PipelineCommands {
  private final ConformanceIo io;

  PipelineCommands(ConformanceIo io) {
    this.io = io;
  }

  /** The graph as written (no transforms), or a syntax error as error JSON with exit 1. */
  int parse(String[] args) {
    SourceText source = read(args, "parse");
    try {
      print(GraphDocument.of(DotParser.parse(source)));
      return 0;
    } catch (DotSyntaxException syntax) {
      throw new ConformanceFailure("dot_syntax", syntax.getMessage(), "Fix the DOT at the position given.");
    }
  }

  /**
   * Every diagnostic of the linter (7.2 and our rules), each with {@code rule}, {@code severity},
   * {@code message} and {@code node_id} (null when the finding concerns no node). Always prints
   * the JSON; exit 1 when any diagnostic is an error.
   *
   * <p>Except {@code failure_reaches_exit}: it warns that a run would end {@code
   * success_with_failures}, a status this contract does not have (its {@code run} reports such a run
   * as {@code success}, as the spec does), and it fires on the contract's own minimal valid pipeline
   * ({@code start -> step -> exit}), which must validate without findings.
   */
  int validate(String[] args) {
    SourceText source = read(args, "validate");
    List<Diagnostic> diagnostics;
    try {
      LoadedPipeline pipeline = PipelineLoader.create().withHandlerTypes(registry().types()).load(source);
      diagnostics = pipeline.diagnostics().stream().filter(d -> !d.rule().equals(FailureReachesExitRule.NAME)).toList();
    } catch (DotSyntaxException syntax) {
      diagnostics = List.of(DiagnosticJson.asDiagnostic(syntax));
    }
    ObjectNode report = DiagnosticJson.report(diagnostics);
    report.withArray("diagnostics").forEach(d -> {
      if (!d.has("node_id")) {
        ((ObjectNode) d).putNull("node_id");
      }
    });
    report.put("errors", diagnostics.stream().filter(Diagnostic::isError).count());
    report.put("warnings", diagnostics.stream().filter(d -> !d.isError()).count());
    print(report);
    return diagnostics.stream().anyMatch(Diagnostic::isError) ? 1 : 0;
  }

  /** The registered handler types with the shapes that select them (2.8, Appendix B). */
  int listHandlers() {
    ArrayNode handlers = BenchJson.MAPPER.createArrayNode();
    Map<String, String> shapes = HandlerTypes.shapes();
    for (String type : registry().types().stream().sorted().toList()) {
      ObjectNode handler = handlers.addObject().put("type", type);
      ArrayNode forType = handler.putArray("shapes");
      shapes.forEach((shape, mapped) -> {
        if (mapped.equals(type)) {
          forType.add(shape);
        }
      });
      HandlerTypes.shapeOf(type).ifPresent(shape -> handler.put("shape", shape));
    }
    io.out().println(BenchJson.write(handlers));
    return 0;
  }

  /** The standard registry; which backend it holds does not change the types. */
  private static HandlerRegistry registry() {
    return HandlerRegistry.standard(new SimulationBackend(), new AutoApproveInterviewer());
  }

  private SourceText read(String[] args, String command) {
    if (args.length != 1) {
      throw ConformanceFailure.invalidRequest("usage: conformance " + command + " <file.dot>");
    }
    Path file = io.workdir().resolve(args[0]);
    try {
      return DotSource.read(file);
    } catch (PipelineSourceException unreadable) {
      throw new ConformanceFailure("io", unreadable.getMessage(), "Pass the path of a readable .dot file.");
    }
  }

  private void print(ObjectNode json) {
    io.out().println(BenchJson.write(json));
  }
}
