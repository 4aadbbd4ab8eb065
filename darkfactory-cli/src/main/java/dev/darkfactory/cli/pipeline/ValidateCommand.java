package dev.darkfactory.cli.pipeline;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.cli.render.DiagnosticPrinter;
import dev.darkfactory.cli.render.Json;
import dev.darkfactory.pipeline.LoadedPipeline;
import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.dot.DotSource;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.DiagnosticSummary;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.report.DiagnosticJson;
import dev.darkfactory.pipeline.source.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code factory validate FILE [--json]}: the lint rules of attractor-spec.md section 7 and ours. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a pipeline without running it.",
      "Syntax, structure (start, exit, reachability), conditions, stylesheet, attribute names and types,",
      "and patterns that misbehave at run time.",
      "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error or unreadable file."
    })
public final class ValidateCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The pipeline (.dot) file.")
  Path file;

  @Option(names = "--json", description = "Print {\"valid\", \"total\", \"counts\", \"diagnostics\":[...]} instead of text.")
  boolean json;

  @Option(names = "--all", description = "List every finding; by default at most 20 of a rule and 200 in all are listed, the rest counted.")
  boolean all;

  public ValidateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    SourceText source = DotSource.read(file);
    List<Diagnostic> diagnostics;
    try {
      LoadedPipeline pipeline = PipelineLoader.create().load(source);
      diagnostics = pipeline.diagnostics();
    } catch (DotSyntaxException syntax) {
      diagnostics = List.of(DiagnosticJson.asDiagnostic(syntax));
    }
    DiagnosticSummary summary = DiagnosticSummary.of(diagnostics, all ? DiagnosticSummary.Limits.NONE : DiagnosticSummary.Limits.DEFAULT);
    if (json) {
      context.out().println(Json.pretty(DiagnosticJson.report(summary)));
      context.out().flush();
    } else {
      new DiagnosticPrinter(context.out(), context.terminal()).print(source, summary);
    }
    return diagnostics.stream().anyMatch(Diagnostic::isError) ? ExitCode.FAILED : ExitCode.OK;
  }
}
