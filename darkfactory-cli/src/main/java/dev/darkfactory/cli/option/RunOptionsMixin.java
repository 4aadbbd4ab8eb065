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

/**
 * Options shared by {@code factory run} and {@code factory resume}. Each is named as the concept is
 * in the HTTP API, the manifest and the graph attributes ({@code --max-cost-usd} is {@code
 * max_cost_usd}; docs/names.md); the names used before, {@code --max-cost} and {@code --set}, still
 * work as hidden aliases.
 */
public final class RunOptionsMixin {

  /** Which backend runs LLM stages. */
  static final class Backend {
    @Option(names = "--simulate", description = "Short for --backend simulation.")
    boolean simulate;

    @Option(names = "--scripted", paramLabel = "FILE",
        description = "Take LLM stage outcomes from FILE (implies --backend scripted): {\"nodes\": {\"<node_id>\": [ <status object>, ... ]}}; see docs/engine.md.")
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
      "What runs LLM stages: agent (a coding-agent session per stage, in --workdir), simulation (each succeeds with a canned response)"
          + " or scripted (with --scripted FILE).",
      "Default: agent when a provider key (OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY or GOOGLE_API_KEY)"
          + " or a providers file (DARKFACTORY_PROVIDERS) is configured, else simulation."})
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

  @Option(names = "--max-tokens", paramLabel = "N", converter = MaxTokensConverter.class,
      description = "Token budget of the run (input + output, all stages), greater than 0; overrides the graph's max_tokens.")
  Long maxTokens;

  @Option(names = "--max-cost-usd", paramLabel = "USD", converter = MaxCostConverter.class,
      description = "Cost budget of the run in US dollars, greater than 0; overrides the graph's max_cost_usd.")
  BigDecimal maxCostUsd;

  /** The name of {@code --max-cost-usd} before names were unified; kept so that scripts keep working. */
  @Option(names = "--max-cost", paramLabel = "USD", converter = MaxCostConverter.class, hidden = true)
  BigDecimal maxCost;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Wall-clock budget of this invocation (90s, 30m, 2h or ISO-8601 PT30M); the graph's timeout applies too, the shorter wins.")
  public Duration timeout;

  @Option(names = "--stall-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Agent backend: stop a stage whose agent shows no progress (no output, no workspace change) this long (default 10m).")
  public Duration stallTimeout;

  @Option(names = "--json", description = "Print one JSON summary of the run instead of the final lines (progress goes to stderr).")
  public boolean json;

  @Option(names = "--context", paramLabel = "KEY=VALUE", converter = ContextValueConverter.class,
      description = "Set a context value before the run starts (repeatable), as the HTTP API's \"context\".")
  List<ContextValueConverter.ContextValue> context = new ArrayList<>();

  /** The name of {@code --context} before names were unified; kept so that scripts keep working. */
  @Option(names = "--set", paramLabel = "KEY=VALUE", converter = ContextValueConverter.class, hidden = true)
  List<ContextValueConverter.ContextValue> set = new ArrayList<>();

  /** The {@code --context} (and {@code --set}) values; a later value of a key wins. */
  public Map<String, String> contextValues() {
    Map<String, String> values = new LinkedHashMap<>();
    set.forEach(pair -> values.put(pair.key(), pair.value()));
    context.forEach(pair -> values.put(pair.key(), pair.value()));
    return values;
  }

  /** {@code --max-tokens}, if given. */
  public Optional<Long> maxTokens() {
    return Optional.ofNullable(maxTokens);
  }

  /** {@code --max-cost-usd} (or its old name {@code --max-cost}), if given. */
  public Optional<BigDecimal> maxCostUsd() {
    return Optional.ofNullable(maxCostUsd).or(() -> Optional.ofNullable(maxCost));
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
