package dev.darkfactory.server.run;

import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.backend.BackendKind;
import dev.darkfactory.pipeline.backend.BackendSpec;
import dev.darkfactory.pipeline.backend.CodergenBackend;
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
import java.math.BigDecimal;
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
 * <p>Backends: {@code agent} (a coding-agent session per LLM stage, offered when a provider is
 * configured in the server's environment, and then the default), {@code simulation} and {@code
 * scripted}. Budgets: {@code max_seconds} becomes the engine's run timeout (a graph {@code timeout}
 * wins); {@code max_tokens} and {@code max_cost_usd} are enforced by the agent backend, which stops
 * the run resumably when one is reached (docs/factory.md).
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
    BackendSetup setup = Backends.create(spec(options), execution.directory().root());
    try {
      return execute(execution, options, setup.backend());
    } finally {
      try {
        setup.close();
      } catch (RuntimeException e) {
        // Closing sessions and HTTP clients after a finished run cannot change its result.
      }
    }
  }

  private RunResult execute(Execution execution, RunOptions options, CodergenBackend backend) {
    RunLimits limits = RunLimits.defaults();
    if (options.budgets().maxSeconds().isPresent()) {
      limits = limits.withRunTimeout(Duration.ofSeconds(options.budgets().maxSeconds().get()));
    }
    PipelineEngine engine = PipelineEngine.builder()
        .handlers(HandlerRegistry.standard(backend, execution.interviewer(), ToolSettings.defaults().withEnvironmentPolicy(policy(options))))
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
    options.budgets().maxCostUsd().map(BigDecimal::valueOf).ifPresent(spec::maxCostUsd);
    return spec.passEnv(options.passEnv()).build();
  }

  /** The allow-list plus the request's {@code pass_env} names (checked when the run was submitted). */
  private static EnvironmentPolicy policy(RunOptions options) {
    return EnvironmentPolicy.defaults().passing(options.passEnv());
  }

  private static Map<String, String> settings(RunOptions options) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("backend", options.backend());
    settings.put("started_by", options.startedBy());
    settings.put("server", "true");
    options.budgets().maxTokens().ifPresent(v -> settings.put("budget.max_tokens", v.toString()));
    options.budgets().maxCostUsd().ifPresent(v -> settings.put("budget.max_cost_usd", v.toString()));
    options.budgets().maxSeconds().ifPresent(v -> settings.put("budget.max_seconds", v.toString()));
    if (!options.passEnv().isEmpty()) {
      settings.put("pass_env", String.join(",", options.passEnv()));
    }
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
    return backends;
  }
}
