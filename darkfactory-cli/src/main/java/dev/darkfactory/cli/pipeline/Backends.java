package dev.darkfactory.cli.pipeline;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.env.ExecutionEnvironment;
import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import dev.darkfactory.agent.env.SandboxPolicy;
import dev.darkfactory.agent.env.SandboxedExecutionEnvironment;
import dev.darkfactory.cli.UserException;
import dev.darkfactory.cli.option.RunOptionsMixin;
import dev.darkfactory.cli.option.RunOptionsMixin.BackendKind;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.backend.ScriptedBackend;
import dev.darkfactory.pipeline.backend.SimulationBackend;
import dev.darkfactory.pipeline.backend.agent.AgentBackend;
import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.backend.cost.SpendLedger;
import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.ValueSyntax;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Chooses and builds the backend of a run (attractor-spec.md 1.4) from the options, the settings
 * recorded when the run started (on resume), and the environment: {@code --backend agent|simulate|
 * scripted} (or {@code --simulate}, {@code --scripted FILE}) when given; else what the run used
 * before; else the agent backend when a provider is configured, and simulation with a one-line
 * notice when none is.
 */
final class Backends {
  private Backends() {}

  /**
   * A chosen backend: what to tell the user, what to record in the manifest, the spend ledger (agent
   * runs), and what to close after the run.
   */
  record Setup(CodergenBackend backend, String notice, Map<String, String> settings, Optional<SpendLedger> ledger,
      RunBudget budgetOverrides, Optional<Duration> timeout, Path workdir, AutoCloseable resources) {}

  static Setup choose(RunOptionsMixin options, Map<String, String> recorded, Path logsRoot, Environment environment) {
    Path workdir = Optional.ofNullable(options.workdir).or(() -> Optional.ofNullable(recorded.get("workdir")).map(Path::of))
        .orElse(Path.of("")).toAbsolutePath().normalize();
    if (!Files.isDirectory(workdir)) {
      // Checked here, not when the first tool fails to start there halfway through the run.
      throw new UserException("the working directory " + workdir + (Files.exists(workdir) ? " is not a directory" : " does not exist")
          + ": create it, or pass an existing one with --workdir");
    }
    Optional<Duration> timeout = Optional.ofNullable(options.timeout).or(() -> recordedDuration(recorded, "timeout"));
    Optional<BackendKind> explicit = options.backendKind();
    if (explicit.isPresent() && explicit.get() != BackendKind.scripted && options.scripted().isPresent()) {
      throw new UserException("--scripted FILE goes with --backend scripted, not --backend " + explicit.get());
    }
    BackendKind kind = explicit.or(() -> recordedKind(recorded)).orElse(BackendKind.agent);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("workdir", workdir.toString());
    timeout.ifPresent(t -> settings.put("timeout", t.toMillis() + "ms"));
    return switch (kind) {
      case scripted -> scripted(options, recorded, settings, timeout, workdir);
      case simulate -> simulated(explicit.isPresent() ? "" : "simulating LLM stages, as when the run started", settings, timeout, workdir);
      case agent -> agent(options, recorded, logsRoot, environment, settings, timeout, workdir, explicit.isPresent() || recordedKind(recorded).isPresent());
    };
  }

  private static Setup scripted(RunOptionsMixin options, Map<String, String> recorded, Map<String, String> settings, Optional<Duration> timeout,
      Path workdir) {
    Path file = options.scripted().or(() -> Optional.ofNullable(recorded.get("scripted_file")).map(Path::of))
        .orElseThrow(() -> new UserException("--backend scripted needs --scripted FILE (a JSON file of outcomes per node; see docs/engine.md)"));
    settings.put("backend", "scripted");
    settings.put("scripted_file", file.toAbsolutePath().toString());
    return new Setup(ScriptedBackend.read(file), "", settings, Optional.empty(), RunBudget.unlimited(), timeout, workdir, () -> { });
  }

  private static Setup simulated(String notice, Map<String, String> settings, Optional<Duration> timeout, Path workdir) {
    settings.put("backend", "simulation");
    return new Setup(new SimulationBackend(), notice, settings, Optional.empty(), RunBudget.unlimited(), timeout, workdir, () -> { });
  }

  private static Setup agent(RunOptionsMixin options, Map<String, String> recorded, Path logsRoot, Environment environment,
      Map<String, String> settings, Optional<Duration> timeout, Path workdir, boolean asked) {
    Client client = Client.fromEnv(environment);
    if (client.providerNames().isEmpty()) {
      client.close();
      if (asked) {
        throw new UserException("the agent backend needs an LLM provider and none is configured: set OPENAI_API_KEY, ANTHROPIC_API_KEY"
            + " or GEMINI_API_KEY (or DARKFACTORY_PROVIDERS), or run with --backend simulate. 'factory doctor' checks the setup.");
      }
      return simulated("no LLM backend configured: simulating (set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY to run agents;"
          + " --backend simulate silences this)",
          settings, timeout, workdir);
    }
    Optional<String> provider = Optional.ofNullable(options.provider).or(() -> Optional.ofNullable(recorded.get("provider")));
    provider.filter(p -> !client.providerNames().contains(p)).ifPresent(p -> {
      client.close();
      throw new UserException("provider '" + p + "' is not configured (configured: " + String.join(", ", client.providerNames())
          + "): set its API key variable");
    });
    Optional<String> model = Optional.ofNullable(options.model).or(() -> Optional.ofNullable(recorded.get("model")));
    boolean sandbox = options.sandbox || "true".equals(recorded.get("sandbox"));
    RunBudget budget = new RunBudget(
        Optional.ofNullable(options.maxTokens).map(OptionalLong::of).orElseGet(() -> Optional.ofNullable(recorded.get("max_tokens"))
            .map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty())),
        Optional.ofNullable(options.maxCost).or(() -> Optional.ofNullable(recorded.get("max_cost_usd")).map(BigDecimal::new)));
    Optional<Duration> stall = Optional.ofNullable(options.stallTimeout).or(() -> recordedDuration(recorded, "stall_timeout"));
    SpendLedger ledger = SpendLedger.at(logsRoot.resolve(SpendLedger.FILE_NAME));
    AgentBackend.Builder builder = AgentBackend.builder(client).ledger(ledger).budget(budget).environments(environments(sandbox))
        .environmentPolicy(options.environmentPolicy(recorded));
    provider.ifPresent(builder::defaultProvider);
    model.ifPresent(builder::defaultModel);
    stall.ifPresent(builder::stallTimeout);
    AgentBackend backend = builder.build();
    settings.put("backend", "agent");
    provider.ifPresent(p -> settings.put("provider", p));
    model.ifPresent(m -> settings.put("model", m));
    if (sandbox) {
      settings.put("sandbox", "true");
    }
    budget.maxTokens().ifPresent(t -> settings.put("max_tokens", Long.toString(t)));
    budget.maxCostUsd().ifPresent(c -> settings.put("max_cost_usd", c.toPlainString()));
    stall.ifPresent(s -> settings.put("stall_timeout", s.toMillis() + "ms"));
    String notice = "agent backend: " + provider.orElse(client.defaultProvider().orElseThrow()) + model.map(m -> " " + m).orElse("")
        + " in " + workdir + (sandbox ? " (sandboxed)" : "");
    return new Setup(backend, notice, settings, Optional.of(ledger), budget, timeout, workdir, () -> {
      backend.close();
      client.close();
    });
  }

  private static Function<Path, ExecutionEnvironment> environments(boolean sandbox) {
    if (!sandbox) {
      return LocalExecutionEnvironment::create;
    }
    return directory -> {
      try {
        return SandboxedExecutionEnvironment.create(LocalExecutionEnvironment.create(directory), SandboxPolicy.defaults());
      } catch (EnvironmentException unavailable) {
        throw new UserException(unavailable.getMessage());
      }
    };
  }

  private static Optional<BackendKind> recordedKind(Map<String, String> recorded) {
    return Optional.ofNullable(recorded.get("backend")).map(value -> switch (value) {
      case "agent" -> BackendKind.agent;
      case "scripted" -> BackendKind.scripted;
      default -> BackendKind.simulate;
    });
  }

  private static Optional<Duration> recordedDuration(Map<String, String> recorded, String key) {
    return Optional.ofNullable(recorded.get(key)).flatMap(ValueSyntax::parseDuration).map(AttributeValue.DurationValue::value);
  }
}
