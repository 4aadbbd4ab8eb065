package dev.darkfactory.server.run;

import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.backend.ScriptedBackend;
import dev.darkfactory.pipeline.backend.SimulationBackend;
import dev.darkfactory.pipeline.engine.PipelineEngine;
import dev.darkfactory.pipeline.engine.RunHandle;
import dev.darkfactory.pipeline.engine.RunLimits;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.problem.PipelineException;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.pipeline.state.StopReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs pipelines on the engine ({@code PipelineEngine}), in this process: one engine per run, since
 * each run has its own backend and its own web interviewer. The engine writes the run directory
 * ({@code checkpoint.json}, {@code events.jsonl}, stage files) and publishes every event to the
 * server's listener.
 *
 * <p>Budgets: {@code max_seconds} becomes the engine's run timeout (a graph {@code timeout} wins);
 * {@code max_tokens} and {@code max_cost_usd} are recorded in the manifest's settings until the
 * engine enforces them.
 */
public final class EngineExecutor implements PipelineExecutor {
  private final Path workdir;

  /** @param workdir where tool nodes run their commands */
  public EngineExecutor(Path workdir) {
    this.workdir = workdir.toAbsolutePath();
  }

  @Override
  public RunResult execute(Execution execution) {
    RunOptions options = execution.options();
    CodergenBackend backend = backend(options);
    RunLimits limits = RunLimits.defaults();
    if (options.budgets().maxSeconds().isPresent()) {
      limits = limits.withRunTimeout(Duration.ofSeconds(options.budgets().maxSeconds().get()));
    }
    PipelineEngine engine = PipelineEngine.builder()
        .handlers(HandlerRegistry.standard(backend, execution.interviewer()))
        .limits(limits)
        .build();
    dev.darkfactory.pipeline.engine.RunOptions runOptions = dev.darkfactory.pipeline.engine.RunOptions.in(execution.directory().root())
        .withRunId(execution.runId())
        .withWorkdir(workdir)
        .withContext(options.variables())
        .withListener(execution.listener())
        .withSettings(settings(options));
    try {
      RunHandle handle = execution.resume()
          ? engine.resume(execution.graph(), execution.directory(), runOptions)
          : engine.start(execution.graph(), runOptions);
      Cancellation.Registration link = execution.cancellation().onCancel(
          () -> handle.cancel(execution.cancellation().reason().orElse(StopReason.cancelled("cancelled"))));
      try {
        return result(handle.await());
      } finally {
        link.close();
      }
    } catch (PipelineException e) {
      return RunResult.fail(e.getMessage());
    }
  }

  private static RunResult result(dev.darkfactory.pipeline.engine.RunResult result) {
    return switch (result.status()) {
      case SUCCESS -> RunResult.success();
      case STOPPED -> RunResult.stopped(result.stopReason().map(StopReason::message).orElse("stopped"));
      case FAIL, RUNNING, RESTARTED -> RunResult.fail(result.failureReason().orElse("the run failed"));
    };
  }

  private static CodergenBackend backend(RunOptions options) {
    return switch (options.backend()) {
      case "scripted" -> ScriptedBackend.parse(Path.of("script.json"), options.script().orElse("{\"nodes\": {}}"));
      default -> new SimulationBackend();
    };
  }

  private static Map<String, String> settings(RunOptions options) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("backend", options.backend());
    settings.put("started_by", options.startedBy());
    settings.put("server", "true");
    options.budgets().maxTokens().ifPresent(v -> settings.put("budget.max_tokens", v.toString()));
    options.budgets().maxCostUsd().ifPresent(v -> settings.put("budget.max_cost_usd", v.toString()));
    options.budgets().maxSeconds().ifPresent(v -> settings.put("budget.max_seconds", v.toString()));
    return settings;
  }

  @Override
  public boolean canResume(RunDirectory directory) {
    try {
      return directory.checkpoints().load().map(c -> !c.status().isFinished()).orElse(false);
    } catch (PipelineException unreadable) {
      return false;
    }
  }

  @Override
  public List<String> backends() {
    return List.of("simulation", "scripted");
  }
}
