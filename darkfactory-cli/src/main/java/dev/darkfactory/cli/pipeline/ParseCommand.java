package dev.darkfactory.cli.pipeline;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.cli.render.Json;
import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.dot.DotSource;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.report.GraphJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code factory parse FILE}: the graph as JSON. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parse a pipeline and print its graph as JSON.",
      "The JSON: {\"name\", \"attributes\", \"nodes\":[{\"id\", \"attributes\"}], \"edges\":[{\"from\", \"to\", \"attributes\"}]}.",
      "Values keep their types; durations print as written (\"900s\")."
    })
public final class ParseCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The pipeline (.dot) file.")
  Path file;

  @Option(names = "--transformed", description = {
      "Print the graph after the transforms: stylesheet applied, $goal expanded,",
      "so you see the model, provider and reasoning effort each node will get."})
  boolean transformed;

  public ParseCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Graph graph = transformed ? PipelineLoader.create().load(file).graph() : DotParser.parse(DotSource.read(file));
    context.out().print(Json.pretty(GraphJson.of(graph)));
    context.out().println();
    context.out().flush();
    return ExitCode.OK;
  }
}
