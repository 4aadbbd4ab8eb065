package dev.darkfactory.cli.pipeline;

import dev.darkfactory.cli.UserException;
import dev.darkfactory.cli.option.PassEnv;
import dev.darkfactory.cli.option.RunOptionsMixin;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.backend.BackendKind;
import dev.darkfactory.pipeline.backend.BackendSpec;
import dev.darkfactory.pipeline.backend.ScriptSource;
import dev.darkfactory.pipeline.backend.agent.BackendSetup;
import dev.darkfactory.pipeline.backend.agent.Backends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the options of {@code run} and {@code resume} into a {@link BackendSpec} and hands it to
 * {@link Backends#create} (attractor-spec.md 1.4). Each choice comes from the options when given;
 * else from what the run recorded when it started (on resume); else the default: the agent backend
 * when a provider is configured, and simulation with a one-line notice when none is.
 */
final class BackendChoice {
  private BackendChoice() {}

  /**
   * A built backend and what the command says and records about it.
   *
   * @param notice the line printed before the run, empty for none
   * @param settings what the manifest records, so that {@code factory resume} defaults to it
   * @param timeout the wall-clock budget of this invocation ({@code --timeout})
   */
  record Choice(BackendSetup setup, BackendSpec spec, String notice, Map<String, String> settings, Optional<Duration> timeout) {}

  static Choice choose(RunOptionsMixin options, Map<String, String> recorded, Path logsRoot, Environment environment) {
    BackendSpec spec = spec(options, recorded, environment);
    if (!Files.isDirectory(spec.workdir())) {
      // Checked here, not when the first tool fails to start there halfway through the run.
      throw new UserException("the working directory " + spec.workdir() + (Files.exists(spec.workdir()) ? " is not a directory" : " does not exist")
          + ": create it, or pass an existing one with --workdir");
    }
    Optional<BackendKind> explicit = options.backendKind();
    if (explicit.isPresent() && explicit.get() != BackendKind.SCRIPTED && options.scripted().isPresent()) {
      throw new UserException("--scripted FILE goes with --backend scripted, not --backend " + explicit.get().wire());
    }
    if (spec.kind().equals(Optional.of(BackendKind.SCRIPTED)) && spec.script().isEmpty()) {
      throw new UserException("--backend scripted needs --scripted FILE (a JSON file of outcomes per node; see docs/engine.md)");
    }
    BackendSetup setup = Backends.create(spec, logsRoot);
    return new Choice(setup, spec, notice(setup, spec, explicit.isPresent()), setup.settings(), spec.timeout());
  }

  private static BackendSpec spec(RunOptionsMixin options, Map<String, String> recorded, Environment environment) {
    BackendSpec.Builder spec = BackendSpec.builder(environment.variables()).recorded(recorded);
    options.backendKind().ifPresent(spec::kind);
    options.scripted().map(ScriptSource::file).ifPresent(spec::script);
    Optional.ofNullable(options.provider).ifPresent(spec::provider);
    Optional.ofNullable(options.model).ifPresent(spec::model);
    Optional.ofNullable(options.workdir).ifPresent(spec::workdir);
    if (options.sandbox) {
      spec.sandbox();
    }
    options.maxTokens().ifPresent(spec::maxTokens);
    options.maxCostUsd().ifPresent(spec::maxCostUsd);
    Optional.ofNullable(options.timeout).ifPresent(spec::timeout);
    Optional.ofNullable(options.stallTimeout).ifPresent(spec::stallTimeout);
    if (!options.passEnv.isEmpty()) {
      spec.passEnv(PassEnv.names(options.passEnv));
    }
    return spec.build();
  }

  private static String notice(BackendSetup setup, BackendSpec spec, boolean explicit) {
    return switch (setup.kind()) {
      case AGENT -> "agent backend: " + setup.description();
      case SCRIPTED -> "";
      case SIMULATION -> {
        if (explicit) {
          yield "";
        }
        yield spec.kind().isPresent()
            ? "simulating LLM stages, as when the run started"
            : "no LLM backend configured: simulating (set OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY to run agents;"
                + " --backend " + BackendKind.SIMULATION.wire() + " silences this)";
      }
    };
  }
}
