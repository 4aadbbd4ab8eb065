package dev.darkfactory.cli.option;

import dev.darkfactory.pipeline.backend.BackendKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Options shared by {@code factory run} and {@code factory resume}. */
public final class RunOptionsMixin {

  /** Which backend runs LLM stages. */
  static final class Backend {
    @Option(names = "--simulate", description = "Simulate LLM stages: each succeeds with a canned response (the default while no LLM backend is configured).")
    boolean simulate;

    @Option(names = "--scripted", paramLabel = "FILE",
        description = "Take LLM stage outcomes from FILE: {\"nodes\": {\"<node_id>\": [ <status object>, ... ]}}; see docs/engine.md.")
    Path scripted;
  }

  /** Who answers human gates. */
  static final class Humans {
    @Option(names = "--auto-approve", description = "Answer every human gate with its first option.")
    boolean autoApprove;

    @Option(names = "--answers", paramLabel = "FILE", description = "Answer human gates, in order, from a JSON list in FILE: [\"A\", {\"value\": \"yes\"}, ...].")
    Path answers;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Backend backend;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Humans humans;

  @Option(names = "--backend", paramLabel = "KIND", converter = BackendKindConverter.class, completionCandidates = BackendKindConverter.class,
      description = {
      "What runs LLM stages: agent (a coding-agent session per stage, in --workdir), simulate, or scripted (with --scripted FILE).",
      "Default: agent when a provider key (OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY or GOOGLE_API_KEY) or a providers file (DARKFACTORY_PROVIDERS) is configured, else simulate."})
  BackendKind backendKind;

  @Option(names = "--provider", paramLabel = "P", description = "Agent backend: the provider of nodes that name none (default: the first configured).")
  public String provider;

  @Option(names = "--model", paramLabel = "M", description = "Agent backend: the model of nodes that name none (default: the provider profile's).")
  public String model;

  @Option(names = "--workdir", paramLabel = "DIR", description = "Where agents and tool commands work: your repository (default: the current directory).")
  public Path workdir;

  @Option(names = "--sandbox", description = "Agent backend: run the agents' commands under bubblewrap (read-only system, writable workdir, no network).")
  public boolean sandbox;

  @Option(names = "--pass-env", paramLabel = "NAME", split = ",",
      description = "Pass the environment variable NAME to tool nodes, agent commands and tool hooks (repeatable, or comma-separated). Without it they get only PATH, HOME, USER, LANG, LC_*, TERM, TZ, TMPDIR, JAVA_HOME and the like (docs/agent.md).")
  public List<String> passEnv = new ArrayList<>();

  @Option(names = "--max-tokens", paramLabel = "N", description = "Token budget of the run (input + output, all stages); overrides the graph's max_tokens.")
  public Long maxTokens;

  @Option(names = "--max-cost", paramLabel = "USD", description = "Cost budget of the run in US dollars; overrides the graph's max_cost_usd.")
  public BigDecimal maxCost;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Wall-clock budget of this invocation (e.g. 30m); the graph's timeout applies too, the shorter wins.")
  public Duration timeout;

  @Option(names = "--stall-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Agent backend: stop a stage whose agent shows no progress (no output, no workspace change) this long (default 10m).")
  public Duration stallTimeout;

  @Option(names = "--json", description = "Print one JSON summary of the run instead of the final lines (progress goes to stderr).")
  public boolean json;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set a context value before the run starts (repeatable).")
  public Map<String, String> set = new LinkedHashMap<>();

  /** The {@code --set} values; a pair without a key is refused rather than stored under "". */
  public Map<String, String> contextValues() {
    for (String key : set.keySet()) {
      if (key.isBlank()) {
        throw new dev.darkfactory.cli.UserException("--set needs KEY=VALUE with a non-empty key (as in --set tests=pass)");
      }
    }
    return set;
  }

  /** The backend named by --backend, --simulate or --scripted, if any. */
  public Optional<BackendKind> backendKind() {
    if (backendKind != null) {
      return Optional.of(backendKind);
    }
    if (backend != null && backend.simulate) {
      return Optional.of(BackendKind.SIMULATION);
    }
    return scripted().map(file -> BackendKind.SCRIPTED);
  }

  public Optional<Path> scripted() {
    return backend == null ? Optional.empty() : Optional.ofNullable(backend.scripted);
  }

  public boolean autoApprove() {
    return humans != null && humans.autoApprove;
  }

  public Optional<Path> answers() {
    return humans == null ? Optional.empty() : Optional.ofNullable(humans.answers);
  }
}
