package dev.darkfactory.cli.conformance;

import dev.darkfactory.agent.SessionConfig;
import dev.darkfactory.pipeline.LoadedPipeline;
import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.backend.BackendKind;
import dev.darkfactory.pipeline.backend.BackendSpec;
import dev.darkfactory.pipeline.backend.agent.AgentTuning;
import dev.darkfactory.pipeline.backend.agent.BackendSetup;
import dev.darkfactory.pipeline.backend.agent.Backends;
import dev.darkfactory.pipeline.backend.cost.SpendLedger;
import dev.darkfactory.pipeline.dot.DotSource;
import dev.darkfactory.pipeline.engine.PipelineEngine;
import dev.darkfactory.pipeline.engine.RunOptions;
import dev.darkfactory.pipeline.engine.RunResult;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.human.AutoApproveInterviewer;
import dev.darkfactory.pipeline.problem.BackendConfigurationException;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.DotSyntaxException;
import dev.darkfactory.pipeline.problem.PipelineSourceException;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code run FILE}: the pipeline engine with the agent-backed backend (attractor-spec.md 3, 4.5):
 * every LLM stage is a coding-agent session calling the configured provider (the benchmark's
 * mock), human gates are auto-approved, the run directory is a fresh temporary one and the working
 * directory is the current one. Prints {@code {"status", "completed_nodes", "node_outcomes",
 * "context", "run_id", "logs_root", "usage"}} (and {@code failure_reason} or {@code stop_reason}),
 * never the graph's source; exits 0 only when the run succeeded.
 */
final class PipelineRun {
  private final ConformanceIo io;

  PipelineRun(ConformanceIo io) {
    this.io = io;
  }

  int run(String[] args) {
    if (args.length != 1) {
      throw ConformanceFailure.invalidRequest("usage: conformance run <file.dot>");
    }
    Path file = io.workdir().resolve(args[0]);
    Path logsRoot = runRoot();
    BackendSpec spec = BackendSpec.builder(io.environment().variables()).kind(BackendKind.AGENT).workdir(io.workdir())
        .stallTimeout(Duration.ofSeconds(45)).build();
    AgentTuning tuning = AgentTuning.defaults().withClients(BenchClients::fromEnv).withBuilder((client, builder) -> builder
        .defaultProvider(AgentCommands.agentProvider(client))
        .sessionConfig(SessionConfig.builder().maxToolRoundsPerInput(AgentCommands.MAX_TOOL_ROUNDS).retryPolicy(AgentCommands.RETRIES).build()));
    try (BackendSetup setup = backend(spec, logsRoot, tuning)) {
      HandlerRegistry registry = HandlerRegistry.standard(setup.backend(), new AutoApproveInterviewer());
      Graph graph = load(file, registry);
      PipelineEngine engine = PipelineEngine.builder().handlers(registry).build();
      RunResult result = engine.run(graph, RunOptions.in(logsRoot).withWorkdir(io.workdir()).withSource(file));
      io.out().println(BenchJson.write(json(result, setup.ledger().orElseThrow())));
      return result.status() == RunStatus.SUCCESS ? 0 : 1;
    }
  }

  private static BackendSetup backend(BackendSpec spec, Path logsRoot, AgentTuning tuning) {
    try {
      return Backends.create(spec, logsRoot, tuning);
    } catch (BackendConfigurationException none) {
      throw new ConformanceFailure("configuration", "no LLM provider is configured for the agent-backed backend",
          "Set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY.");
    }
  }

  private static Graph load(Path file, HandlerRegistry registry) {
    LoadedPipeline loaded;
    try {
      loaded = PipelineLoader.create().withHandlerTypes(registry.types()).load(DotSource.read(file));
    } catch (PipelineSourceException unreadable) {
      throw new ConformanceFailure("io", unreadable.getMessage(), "Pass the path of a readable .dot file.");
    } catch (DotSyntaxException syntax) {
      throw new ConformanceFailure("dot_syntax", syntax.getMessage(), "Fix the DOT at the position given.");
    }
    if (loaded.diagnostics().stream().anyMatch(Diagnostic::isError)) {
      throw new ConformanceFailure("validation", loaded.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message)
          .collect(Collectors.joining("; ")), "Run 'conformance validate' for the diagnostics.");
    }
    return loaded.graph();
  }

  private static ObjectNode json(RunResult result, SpendLedger ledger) {
    ObjectNode json = BenchJson.object().put("status", result.status().wire()).put("run_id", result.runId());
    ArrayNode completed = json.putArray("completed_nodes");
    result.completedNodes().forEach(completed::add);
    ObjectNode outcomes = json.putObject("node_outcomes");
    result.nodeOutcomes().forEach((id, status) -> outcomes.put(id, status.wire()));
    result.failureReason().ifPresent(reason -> json.put("failure_reason", reason));
    result.stopReason().filter(r -> result.status() == RunStatus.STOPPED)
        .ifPresent(reason -> json.putObject("stop_reason").put("code", reason.code()).put("message", reason.message()));
    json.set("context", JsonValues.toObject(result.context()));
    json.put("logs_root", result.logsRoot().toString());
    json.set("usage", ledger.toJson());
    return json;
  }

  /** A fresh run directory under {@code CONFORMANCE_RUNS_DIR}, else under the system's temporary directory. */
  private Path runRoot() {
    try {
      java.util.Optional<String> parent = io.environment().get("CONFORMANCE_RUNS_DIR");
      Path dir = parent.isPresent()
          ? Files.createTempDirectory(Files.createDirectories(Path.of(parent.get())), "run-")
          : Files.createTempDirectory("attractorbench-run-");
      return dir.resolve("run");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run directory", e);
    }
  }
}
