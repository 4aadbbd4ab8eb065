package dev.darkfactory.cli.pipeline;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.cli.UserException;
import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.dot.DotSource;
import dev.darkfactory.pipeline.dot.DotWriter;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.pipeline.render.GraphvizRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code factory graph FILE -o OUT.svg|.png|.dot}: draws the pipeline. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a pipeline as SVG, PNG or canonical DOT.",
      "The output format follows the extension of -o:",
      "  .svg, .png  rendered by Graphviz 'dot' (must be installed)",
      "  .dot        the pipeline in canonical DOT (no Graphviz needed)"
    })
public final class GraphCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The pipeline (.dot) file.")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "Where to write: OUT.svg, OUT.png or OUT.dot.")
  Path output;

  public GraphCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    if (!extension.equals("svg") && !extension.equals("png") && !extension.equals("dot")) {
      throw new UserException("cannot tell the format of '" + output + "': use a name ending in .svg, .png or .dot");
    }
    Graph graph = DotParser.parse(DotSource.read(file));
    byte[] bytes;
    if (extension.equals("dot")) {
      bytes = DotWriter.write(graph).getBytes(StandardCharsets.UTF_8);
    } else {
      GraphvizRenderer renderer = GraphvizRenderer.find()
          .orElseThrow(() -> new UserException(GraphvizRenderer.installHint(), ExitCode.FAILED));
      bytes = renderer.render(graph, extension.equals("svg") ? GraphvizRenderer.Format.SVG : GraphvizRenderer.Format.PNG);
    }
    Path parent = output.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(output, bytes);
    } catch (IOException e) {
      throw new UserException("cannot write " + output + ": " + IoReasons.of(e), ExitCode.FAILED);
    }
    context.err().println("wrote " + output + " (" + bytes.length + " bytes)");
    return ExitCode.OK;
  }
}
