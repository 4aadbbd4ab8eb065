package dev.darkfactory.cli.pipeline;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.cli.UserException;
import dev.darkfactory.cli.option.RunOptionsMixin;
import dev.darkfactory.cli.render.Json;
import dev.darkfactory.cli.render.ProgressRenderer;
import dev.darkfactory.cli.render.RunSummary;
import dev.darkfactory.cli.render.Style;
import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.dot.DotSource;
import dev.darkfactory.pipeline.source.SourceText;
import dev.darkfactory.cli.render.StageSpend;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.backend.ScriptedBackend;
import dev.darkfactory.pipeline.backend.agent.BackendSetup;
import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.engine.PipelineEngine;
import dev.darkfactory.pipeline.engine.RunThreads;
import dev.darkfactory.pipeline.engine.RunHandle;
import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.handler.HandlerCapability;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.handler.ToolSettings;
import dev.darkfactory.pipeline.human.AnswerFiles;
import dev.darkfactory.pipeline.human.AutoApproveInterviewer;
import dev.darkfactory.pipeline.human.ConsoleInterviewer;
import dev.darkfactory.pipeline.human.Interviewer;
import dev.darkfactory.pipeline.human.QueueInterviewer;
import dev.darkfactory.pipeline.human.UnavailableInterviewer;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What {@code run} and {@code resume} share: turning the options into a backend, an interviewer
 * and an engine; rendering progress; stopping cleanly on Ctrl-C; reporting the result.
 */
final class RunSession {
  private final CliContext cli;
  private final RunOptionsMixin options;
  private final Environment environment;
  private final Style style;
  private final boolean unicode;
  private BackendChoice.Choice choice;

  RunSession(CliContext cli, RunOptionsMixin options, Environment environment) {
    this.cli = cli;
    this.options = options;
    this.environment = environment;
    this.style = new Style(cli.terminal().colour());
    this.unicode = cli.terminal().interactive();
  }

  /** Where progress goes: stdout, or stderr when stdout carries the JSON summary. */
  PrintWriter progress() {
    return options.json ? cli.err() : cli.out();
  }

  /**
   * The backend the options ask for (see {@link BackendChoice}); {@code recorded} are the settings of
   * the run being resumed. Prints its one-line notice.
   */
  CodergenBackend backend(Path logsRoot, Map<String, String> recorded) {
    choice = BackendChoice.choose(options, recorded, logsRoot, environment);
    if (!choice.notice().isEmpty()) {
      progress().println(style.dim(choice.notice()));
    }
    return choice.setup().backend();
  }

  /** Where agents and tools work: {@code --workdir}, the run's recorded one on resume, else the current directory. */
  Path workdir() {
    return choice.spec().workdir();
  }

  /** Tells the user the run's budgets once the graph's are known. */
  void announceBudget(Graph graph) {
    if (choice.setup().ledger().isEmpty()) {
      return;
    }
    RunBudget budget = RunBudget.of(graph).overriddenBy(choice.spec().budget());
    List<String> parts = new java.util.ArrayList<>();
    budget.maxTokens().ifPresent(t -> parts.add(String.format(java.util.Locale.ROOT, "%,d tokens", t)));
    budget.maxCostUsd().ifPresent(c -> parts.add("$" + c.toPlainString()));
    choice.timeout().or(graph::timeout).ifPresent(t -> parts.add(ProgressRenderer.seconds(t) + " wall clock"));
    if (!parts.isEmpty()) {
      progress().println(style.dim("budget: " + String.join(", ", parts) + "; spent so far " + choice.setup().ledger().get().total().cost()));
    }
  }

  Interviewer interviewer() {
    if (options.autoApprove()) {
      return new AutoApproveInterviewer();
    }
    if (options.answers().isPresent()) {
      Path file = options.answers().get();
      try {
        return new QueueInterviewer(AnswerFiles.parse(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UserException("cannot read the answers file " + file + ": " + IoReasons.of(e));
      } catch (IllegalArgumentException e) {
        throw new UserException(file + ": " + e.getMessage());
      }
    }
    if (cli.terminal().interactive()) {
      return new ConsoleInterviewer(cli.in(), cli.out());
    }
    return new UnavailableInterviewer("there is no terminal to ask on. Resume with --answers FILE (the answers in order, as a JSON list"
        + " such as [\"A\"]), with --auto-approve (every gate takes its first option), or from a terminal to be asked");
  }

  HandlerRegistry registry(CodergenBackend backend, Interviewer interviewer) {
    return HandlerRegistry.standard(backend, interviewer, ToolSettings.defaults().withEnvironmentPolicy(EnvironmentPolicy.defaults().passing(choice.spec().passEnv())));
  }

  /** Parses, transforms and validates a pipeline, printing its warnings (repeats summarised); validation errors throw (exit 2). */
  Graph load(Path file, HandlerRegistry registry) {
    return load(DotSource.read(file), registry);
  }

  /** {@link #load(Path, HandlerRegistry)} of a file already read (so that an unreadable one is reported before anything else). */
  Graph load(SourceText source, HandlerRegistry registry) {
    var loaded = loader(registry).load(source);
    var warnings = loaded.diagnostics().stream().filter(d -> !d.isError()).toList();
    dev.darkfactory.pipeline.problem.DiagnosticSummary.of(warnings).listed().forEach(d -> cli.err().println(style.yellow(d.toString())));
    return loaded.requireValid();
  }

  private static PipelineLoader loader(HandlerRegistry registry) {
    return PipelineLoader.create().withHandlerTypes(registry.types());
  }

  /** Refuses a scripted file that names nodes the graph lacks or that never call the backend. */
  static void check(CodergenBackend backend, Graph graph, HandlerRegistry registry) {
    if (backend instanceof ScriptedBackend scripted) {
      scripted.checkAgainst(graph, node -> registry.has(node, HandlerCapability.CALLS_BACKEND));
    }
  }

  PipelineEngine engine(HandlerRegistry registry) {
    Optional<StageSpend> spend = choice.setup().ledger().map(StageSpend::new);
    // One pipeline per process: a platform thread of its own serves it best (RunThreads.PLATFORM).
    PipelineEngine.Builder builder = PipelineEngine.builder().handlers(registry).runThreads(RunThreads.PLATFORM);
    spend.ifPresent(builder::listener);
    return builder
        .listener(new ProgressRenderer(progress(), style, unicode, spend))
        .graphLoader(file -> loader(registry).load(file).requireValid())
        .build();
  }

  /** Settings recorded in the manifest, so {@code factory resume} can default to them. */
  Map<String, String> settings() {
    return new LinkedHashMap<>(choice.settings());
  }

  /**
   * Waits for the run (stopping it cleanly on Ctrl-C, and when {@code --timeout} passes), prints
   * the result, closes the backend's sessions, returns the exit code.
   */
  int finish(RunHandle handle) {
    try (BackendSetup setup = choice.setup()) {
      choice.timeout().ifPresent(limit -> WallClock.watch(handle, limit));
      return await(handle);
    }
  }

  private int await(RunHandle handle) {
    CountDownLatch reported = new CountDownLatch(1);
    Thread onInterrupt = new Thread(() -> {
      if (!handle.isDone()) {
        handle.cancel(StopReason.interrupted());
        handle.await(Duration.ofSeconds(30));
        awaitQuietly(reported);
      }
    }, "factory-interrupt");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      RunResult result = handle.await();
      report(result, ResumeHint.of(handle.logsRoot(), result.stopReason()));
      return switch (result.status()) {
        case SUCCESS -> ExitCode.OK;
        case SUCCESS_WITH_FAILURES -> ExitCode.SUCCESS_WITH_FAILURES;
        case FAIL, STOPPED, RUNNING, RESTARTED -> ExitCode.FAILED;
      };
    } finally {
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting because of Ctrl-C; the hook has done its job.
      }
    }
  }

  private void report(RunResult result, String resumeHint) {
    if (options.json) {
      cli.out().println(Json.pretty(RunSummary.json(result, choice.setup().ledger())));
      cli.out().flush();
      if (result.status() == RunStatus.STOPPED) {
        cli.err().println("resume with: " + resumeHint);
        cli.err().flush();
      }
    } else {
      RunSummary.print(result, choice.setup().ledger(), cli.out(), style, unicode, resumeHint);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
