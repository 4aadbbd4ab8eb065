package dev.darkfactory.server.run;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.backend.BackendKind;
import dev.darkfactory.pipeline.backend.BackendSpec;
import dev.darkfactory.pipeline.backend.ScriptSource;
import dev.darkfactory.pipeline.backend.agent.BackendSetup;
import dev.darkfactory.pipeline.backend.agent.Backends;
import dev.darkfactory.pipeline.engine.PipelineEngine;
import dev.darkfactory.pipeline.engine.RunHandle;
import dev.darkfactory.pipeline.engine.RunLimits;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.handler.ToolSettings;
import dev.darkfactory.pipeline.problem.PipelineException;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.pipeline.state.StopReason;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs pipelines on the engine ({@code PipelineEngine}), in this process: one engine per run, since
 * each run has its own backend and its own web interviewer. The engine writes the run directory
 * ({@code checkpoint.json}, {@code events.jsonl}, stage files) and publishes every event to the
 * server's listener.
 *
 * <p>Backends: {@code agent} (a coding-agent session per LLM stage, offered when a provider is
 * configured in the server's environment, and then the default), {@code simulation} and {@code
 * scripted}. Budgets: {@code timeout} becomes the engine's run timeout (a graph {@code timeout}
 * wins); {@code max_tokens} and {@code max_cost_usd} are enforced by the agent backend, which stops
 * the run resumably when one is reached (docs/factory.md). The manifest records the backend and the
 * budgets under the names {@code factory run} records them ({@code BackendSpec.settings}), whatever
 * the backend.
 */
public final class EngineExecutor implements PipelineExecutor {
  private final Path workdir;
  private final Environment environment;
  private final List<String> backends;

  /** @param workdir where tool nodes and agents work */
  public EngineExecutor(Path workdir) {
    this(workdir, Environment.system());
  }

  /**
   * @param workdir where tool nodes and agents work
   * @param environment where provider keys and base URLs are read ({@code Client.fromEnv})
   */
  public EngineExecutor(Path workdir, Environment environment) {
    this.workdir = workdir.toAbsolutePath();
    this.environment = environment;
    this.backends = Backends.available(environment.variables()).stream().map(BackendKind::wire).toList();
  }

  @Override
  public RunResult execute(Execution execution) {
    RunOptions options = execution.options();
    BackendSpec spec = spec(options);
    BackendSetup setup = Backends.create(spec, execution.directory().root());
    try {
      return execute(execution, options, spec, setup);
    } finally {
      try {
        setup.close();
      } catch (RuntimeException e) {
        // Closing sessions and HTTP clients after a finished run cannot change its result.
      }
    }
  }

  private RunResult execute(Execution execution, RunOptions options, BackendSpec spec, BackendSetup setup) {
    RunLimits limits = RunLimits.defaults();
    if (spec.timeout().isPresent()) {
      limits = limits.withRunTimeout(spec.timeout().get());
    }
    PipelineEngine engine = PipelineEngine.builder()
        .handlers(HandlerRegistry.standard(setup.backend(), execution.interviewer(), ToolSettings.defaults().withEnvironmentPolicy(policy(options))))
        .limits(limits)
        .build();
    dev.darkfactory.pipeline.engine.RunOptions runOptions = dev.darkfactory.pipeline.engine.RunOptions.in(execution.directory().root())
        .withRunId(execution.runId())
        .withWorkdir(workdir)
        .withContext(options.context())
        .withListener(execution.listener())
        .withSettings(settings(options, setup));
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
      case SUCCESS_WITH_FAILURES -> RunResult.successWithFailures(result.failedStages());
      case STOPPED -> RunResult.stopped(result.stopReason().map(StopReason::message).orElse("stopped"));
      case FAIL, RUNNING, RESTARTED -> RunResult.fail(result.failureReason().orElse("the run failed"));
    };
  }

  /**
   * The backend of a run, as {@code factory run} builds it: an agent backend has one client per run
   * and meters its spend into the run's ledger; the scripted backend reads the script sent with the run.
   */
  private BackendSpec spec(RunOptions options) {
    BackendSpec.Builder spec = BackendSpec.builder(environment.variables())
        .kind(BackendKind.fromWire(options.backend()).orElse(BackendKind.SIMULATION))
        .workdir(workdir)
        .script(ScriptSource.text(Path.of("script.json"), options.script().orElse("{\"nodes\": {}}")));
    options.budgets().maxTokens().ifPresent(spec::maxTokens);
    options.budgets().maxCostUsd().ifPresent(spec::maxCostUsd);
    options.budgets().timeout().ifPresent(spec::timeout);
    return spec.passEnv(options.passEnv()).build();
  }

  /** The allow-list plus the request's {@code pass_env} names (checked when the run was submitted). */
  private static EnvironmentPolicy policy(RunOptions options) {
    return EnvironmentPolicy.defaults().passing(options.passEnv());
  }

  /** What the manifest records: the backend's settings as {@code factory run} records them, and who started the run here. */
  private static Map<String, String> settings(RunOptions options, BackendSetup setup) {
    Map<String, String> settings = new LinkedHashMap<>(setup.settings());
    settings.put("started_by", options.startedBy());
    settings.put("server", "true");
    return settings;
  }

  /** An unfinished checkpoint, or the engine's manifest without one (killed before the first node: the resume runs from the start). */
  @Override
  public boolean canResume(RunDirectory directory) {
    try {
      return directory.checkpoints().load().map(c -> !c.status().isFinished())
          .orElseGet(() -> directory.readManifest().map(m -> !m.status().isFinished()).orElse(false));
    } catch (PipelineException unreadable) {
      return false;
    }
  }

  @Override
  public List<String> backends() {
    return backends;
  }
}
