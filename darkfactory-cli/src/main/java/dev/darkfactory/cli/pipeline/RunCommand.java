package dev.darkfactory.cli.pipeline;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.option.RunOptionsMixin;
import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.engine.RunIds;
import dev.darkfactory.pipeline.engine.RunOptions;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code factory run FILE}: execute a pipeline (attractor-spec.md section 3). */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a pipeline: parse, transform, validate, then execute it stage by stage, checkpointing after every node.",
      "Exit status: 0 success, 1 the run failed or stopped, 2 invalid pipeline or usage error.",
      "Ctrl-C stops cleanly with a checkpoint; 'factory resume LOGS_ROOT' continues."
    })
public final class RunCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The pipeline (.dot) file.")
  Path file;

  @Option(names = "--logs-root", paramLabel = "DIR", description = "The run directory (default: .factory/runs/<run-id>).")
  Path logsRoot;

  @Mixin RunOptionsMixin options;

  public RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RunSession session = new RunSession(context, options);
    String runId = RunIds.next(Instant.now(), new SecureRandom());
    Path root = logsRoot != null ? logsRoot : Path.of(".factory", "runs", runId);
    CodergenBackend backend = session.backend(java.util.Map.of());
    HandlerRegistry registry = session.registry(backend, session.interviewer("factory resume " + root));
    Graph graph = session.load(file, registry);
    RunSession.check(backend, graph, registry);
    RunOptions run = RunOptions.in(root).withRunId(runId).withSource(file).withContext(options.set).withSettings(session.settings());
    return session.finish(session.engine(registry).start(graph, run));
  }
}
