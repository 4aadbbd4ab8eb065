package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.agent.EnvironmentException;
import dev.darkfactory.agent.env.ExecutionEnvironment;
import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import dev.darkfactory.agent.env.SandboxPolicy;
import dev.darkfactory.agent.env.SandboxedExecutionEnvironment;
import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.backend.BackendKind;
import dev.darkfactory.pipeline.backend.BackendSpec;
import dev.darkfactory.pipeline.backend.ScriptSource;
import dev.darkfactory.pipeline.backend.SimulationBackend;
import dev.darkfactory.pipeline.backend.cost.SpendLedger;
import dev.darkfactory.pipeline.problem.BackendConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a run's backend from a {@link BackendSpec} (attractor-spec.md 1.4): the one factory behind
 * {@code factory run} and {@code resume}, the server's runs and the conformance adapter's {@code run}.
 * A spec that leaves the kind open gets the agent when a provider is configured and the simulation
 * otherwise; an agent asked for with no provider, or a provider that is not configured, is a
 * {@link BackendConfigurationException}.
 */
public final class Backends {
  private Backends() {}

  /** The kinds a run may ask for in {@code environment}, the default first: the agent only when a provider is configured. */
  public static List<BackendKind> available(Map<String, String> environment) {
    return providersConfigured(Environment.of(environment))
        ? List.of(BackendKind.AGENT, BackendKind.SIMULATION, BackendKind.SCRIPTED)
        : List.of(BackendKind.SIMULATION, BackendKind.SCRIPTED);
  }

  /** {@link #create(BackendSpec, Path, AgentTuning)} with the default tuning. */
  public static BackendSetup create(BackendSpec spec, Path logsRoot) {
    return create(spec, logsRoot, AgentTuning.defaults());
  }

  /**
   * The backend {@code spec} asks for; an agent backend meters its spend into {@code logsRoot}'s
   * ledger ({@link SpendLedger#FILE_NAME}). The setup closes what it opened.
   */
  public static BackendSetup create(BackendSpec spec, Path logsRoot, AgentTuning tuning) {
    return switch (spec.kind().orElse(BackendKind.AGENT)) {
      case SCRIPTED -> scripted(spec);
      case SIMULATION -> simulated(spec);
      case AGENT -> agent(spec, logsRoot, tuning);
    };
  }

  private static BackendSetup scripted(BackendSpec spec) {
    ScriptSource script = spec.script().orElseThrow(() -> new BackendConfigurationException(
        "the scripted backend needs a script: a JSON file of outcomes per node (see docs/engine.md)"));
    return new BackendSetup(script.load(), BackendKind.SCRIPTED, "scripted from " + script.file(), Optional.empty(),
        spec.settings(BackendKind.SCRIPTED), () -> { });
  }

  private static BackendSetup simulated(BackendSpec spec) {
    return new BackendSetup(new SimulationBackend(), BackendKind.SIMULATION, "simulation", Optional.empty(),
        spec.settings(BackendKind.SIMULATION), () -> { });
  }

  private static BackendSetup agent(BackendSpec spec, Path logsRoot, AgentTuning tuning) {
    Client client = tuning.clients().apply(Environment.of(spec.environment()));
    if (client.providerNames().isEmpty()) {
      client.close();
      if (spec.kind().isPresent()) {
        throw new BackendConfigurationException("the agent backend needs an LLM provider and none is configured: set OPENAI_API_KEY,"
            + " ANTHROPIC_API_KEY or GEMINI_API_KEY (or DARKFACTORY_PROVIDERS), or run with --backend " + BackendKind.SIMULATION.wire()
            + ". 'factory doctor' checks the setup.");
      }
      return simulated(spec);
    }
    spec.provider().filter(p -> !client.providerNames().contains(p)).ifPresent(p -> {
      client.close();
      throw new BackendConfigurationException("provider '" + p + "' is not configured (configured: "
          + String.join(", ", client.providerNames()) + "): set its API key variable");
    });
    SpendLedger ledger = SpendLedger.at(logsRoot.resolve(SpendLedger.FILE_NAME));
    AgentBackend.Builder builder = AgentBackend.builder(client).ledger(ledger).budget(spec.budget()).environments(environments(spec.sandbox()))
        .environmentPolicy(EnvironmentPolicy.defaults().passing(spec.passEnv()));
    spec.provider().ifPresent(builder::defaultProvider);
    spec.model().ifPresent(builder::defaultModel);
    spec.stallTimeout().ifPresent(builder::stallTimeout);
    tuning.builder().accept(client, builder);
    AgentBackend backend = builder.build();
    String description = spec.provider().or(client::defaultProvider).orElseThrow() + spec.model().map(m -> " " + m).orElse("")
        + " in " + spec.workdir() + (spec.sandbox() ? " (sandboxed)" : "");
    return new BackendSetup(backend, BackendKind.AGENT, description, Optional.of(ledger), spec.settings(BackendKind.AGENT), () -> {
      backend.close();
      client.close();
    });
  }

  private static boolean providersConfigured(Environment environment) {
    try (Client client = Client.fromEnv(environment)) {
      return !client.providerNames().isEmpty();
    }
  }

  private static Function<Path, ExecutionEnvironment> environments(boolean sandbox) {
    if (!sandbox) {
      return LocalExecutionEnvironment::create;
    }
    return directory -> {
      try {
        return SandboxedExecutionEnvironment.create(LocalExecutionEnvironment.create(directory), SandboxPolicy.defaults());
      } catch (EnvironmentException unavailable) {
        throw new BackendConfigurationException(unavailable.getMessage(), unavailable);
      }
    };
  }
}
