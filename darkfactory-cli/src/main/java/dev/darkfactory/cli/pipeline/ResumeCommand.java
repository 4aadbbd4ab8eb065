package dev.darkfactory.cli.pipeline;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.UserException;
import dev.darkfactory.cli.option.RunOptionsMixin;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.engine.RunOptions;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.state.Manifest;
import dev.darkfactory.pipeline.state.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code factory resume LOGS_ROOT}: continue a run from its checkpoint (attractor-spec.md 5.3). */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Continue a stopped or crashed run after its last completed node, with its context and counters.",
      "A run that ended before its first checkpoint runs from the start.",
      "The pipeline is read again from where the run started it and must not have changed.",
      "Without --backend, --simulate or --scripted, the run's own backend (and its provider, model, workdir and budgets) is used again;",
      "budget options given here replace the recorded ones for this invocation.",
      "Exit status: 0 success, 1 the run failed or stopped, 2 nothing to resume or usage error,",
      "3 the run reached its exit but passed over failed stages (success_with_failures)."
    })
public final class ResumeCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "LOGS_ROOT", description = "The run directory (it holds checkpoint.json and manifest.json).")
  Path logsRoot;

  @Mixin RunOptionsMixin options;

  private final Environment environment;

  public ResumeCommand(CliContext context) {
    this(context, Environment.system());
  }

  /** Reads provider keys and base URLs from {@code environment} (tests point it at the twin). */
  public ResumeCommand(CliContext context, Environment environment) {
    this.context = context;
    this.environment = environment;
  }

  @Override
  public Integer call() {
    RunDirectory dir = RunDirectory.at(logsRoot);
    Manifest manifest = LogsRoot.manifest(logsRoot);
    Path file = pipelineFile(manifest, dir);
    if (!Files.exists(dir.checkpoints().file())) {
      context.err().println("note: run " + manifest.runId() + " ended before its first checkpoint, so nothing completed: it runs from the start."
          + " Values given with --set to the first run were not recorded yet; give them again.");
    }
    RunSession session = new RunSession(context, options, environment);
    CodergenBackend backend = session.backend(logsRoot, manifest.settings());
    HandlerRegistry registry = session.registry(backend, session.interviewer());
    Graph graph = session.load(file, registry);
    RunSession.check(backend, graph, registry);
    session.announceBudget(graph);
    RunOptions run = RunOptions.in(logsRoot).withRunId(manifest.runId()).withContext(options.contextValues()).withSettings(manifest.settings())
        .withWorkdir(session.workdir());
    return session.finish(session.engine(registry).resume(graph, dir, run));
  }

  /** The file the run started from; its copy in the run directory when it is gone. */
  private Path pipelineFile(Manifest manifest, RunDirectory dir) {
    Path original = manifest.source().map(Path::of).orElse(null);
    if (original != null && Files.isRegularFile(original)) {
      return original;
    }
    if (Files.isRegularFile(dir.graphFile())) {
      context.err().println("note: " + (original == null ? "the run has no source file" : original + " is gone")
          + "; resuming with the copy in " + dir.graphFile());
      return dir.graphFile();
    }
    throw new UserException("cannot find the pipeline of run " + manifest.runId() + ": " + original + " and " + dir.graphFile() + " are both missing");
  }
}
