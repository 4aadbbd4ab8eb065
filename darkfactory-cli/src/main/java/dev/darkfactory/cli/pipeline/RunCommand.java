package dev.darkfactory.cli.pipeline;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.option.RunOptionsMixin;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.dot.DotSource;
import dev.darkfactory.pipeline.engine.RunIds;
import dev.darkfactory.pipeline.engine.RunOptions;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.source.SourceText;
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
      "LLM stages run as coding-agent sessions in --workdir when a provider key is set (else simulated; see --backend).",
      "Exit status: 0 success, 1 the run failed or stopped, 2 invalid pipeline or usage error,",
      "3 the run reached its exit but passed over failed stages (success_with_failures).",
      "Ctrl-C stops cleanly with a checkpoint; 'factory resume LOGS_ROOT' continues."
    })
public final class RunCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "FILE", description = "The pipeline (.dot) file.")
  Path file;

  @Option(names = "--logs-root", paramLabel = "DIR", description = "The run directory (default: .factory/runs/<run-id>).")
  Path logsRoot;

  @Mixin RunOptionsMixin options;

  private final Environment environment;

  public RunCommand(CliContext context) {
    this(context, Environment.system());
  }

  /** Reads provider keys and base URLs from {@code environment} (tests point it at the twin). */
  public RunCommand(CliContext context, Environment environment) {
    this.context = context;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    // The file first: a missing one is the first thing to say, before any notice about the backend.
    SourceText source = DotSource.read(file);
    RunSession session = new RunSession(context, options, environment);
    String runId = RunIds.next(Instant.now(), new SecureRandom());
    Path root = logsRoot != null ? logsRoot : Path.of(".factory", "runs", runId);
    CodergenBackend backend = session.backend(root, java.util.Map.of());
    HandlerRegistry registry = session.registry(backend, session.interviewer());
    Graph graph = session.load(source, registry);
    RunSession.check(backend, graph, registry);
    session.announceBudget(graph);
    RunOptions run = RunOptions.in(root).withRunId(runId).withSource(file).withContext(options.contextValues()).withSettings(session.settings())
        .withWorkdir(session.workdir());
    return session.finish(session.engine(registry).start(graph, run));
  }
}
