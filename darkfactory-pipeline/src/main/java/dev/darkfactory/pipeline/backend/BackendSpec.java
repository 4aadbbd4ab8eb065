package dev.darkfactory.pipeline.backend;

import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.graph.DurationText;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The choices that make a run's backend and bound it, whoever makes them (the command line, the
 * HTTP API, the conformance adapter): which kind, the agent's default provider and model, where it
 * works and whether sandboxed, the budgets, the wall-clock timeout, the stall timeout, the script of
 * the scripted backend, and the environment provider keys and base URLs are read from. {@code
 * Backends.create} (in {@code backend.agent}) builds the backend from it; the caller gives the
 * timeout to the engine.
 *
 * <p>This record is also the one place the names of these choices in a run's recorded settings
 * ({@code manifest.json}) are written: {@link #settings(BackendKind)} writes them and {@link
 * Builder#recorded(Map)} reads them back when a run is resumed. They are the names of the HTTP API
 * and of the graph attributes (docs/names.md).
 *
 * @param kind empty: the agent when a provider is configured, else the simulation
 * @param budget token and cost budgets that win over the graph's ({@code max_tokens}, {@code max_cost_usd})
 * @param timeout the wall-clock budget ({@code --timeout}, the API's {@code budgets.timeout}); the graph's {@code timeout} applies too
 * @param stallTimeout the agent backend's default stall timeout (10 minutes when empty)
 * @param script the scripted backend's outcomes, required for {@link BackendKind#SCRIPTED}
 * @param environment variables provider keys and base URLs are read from ({@code Client.fromEnv})
 * @param passEnv names of environment variables the run's commands (tool nodes, agent commands,
 *     tool hooks) get besides the allow-list ({@code --pass-env}, the API's {@code pass_env}); the
 *     agent module's {@code EnvironmentPolicy.passing} checks them
 */
public record BackendSpec(
    Optional<BackendKind> kind,
    Optional<String> provider,
    Optional<String> model,
    Path workdir,
    boolean sandbox,
    RunBudget budget,
    Optional<Duration> timeout,
    Optional<Duration> stallTimeout,
    Optional<ScriptSource> script,
    Map<String, String> environment,
    List<String> passEnv) {

  /** Keys of the recorded settings. */
  static final String BACKEND = "backend";
  static final String WORKDIR = "workdir";
  static final String PROVIDER = "provider";
  static final String MODEL = "model";
  static final String SANDBOX = "sandbox";
  static final String MAX_TOKENS = RunBudget.MAX_TOKENS;
  static final String MAX_COST_USD = RunBudget.MAX_COST_USD;
  static final String TIMEOUT = "timeout";
  static final String STALL_TIMEOUT = "stall_timeout";
  static final String SCRIPTED_FILE = "scripted_file";
  static final String PASS_ENV = "pass_env";

  public BackendSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    workdir = workdir.toAbsolutePath().normalize();
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(stallTimeout, "stallTimeout");
    Objects.requireNonNull(script, "script");
    environment = Map.copyOf(environment);
    passEnv = List.copyOf(passEnv);
  }

  public static Builder builder(Map<String, String> environment) {
    return new Builder(environment);
  }

  /**
   * What a run with this spec records so that a resume can default to it: {@code workdir},
   * {@code backend} (the {@code resolved} kind's name), the budgets whatever the kind ({@code
   * max_tokens}, {@code max_cost_usd}, {@code timeout} as a duration such as {@code 30m}), and per
   * kind {@code scripted_file}, or {@code provider}, {@code model}, {@code sandbox} and {@code
   * stall_timeout}; and for every kind {@code pass_env} (comma-separated names), since tool nodes
   * run whatever the backend. A simulated run records its budgets too: they say what the run was
   * given, and a resume on the agent backend keeps them.
   */
  public Map<String, String> settings(BackendKind resolved) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(WORKDIR, workdir.toString());
    settings.put(BACKEND, resolved.wire());
    budget.maxTokens().ifPresent(t -> settings.put(MAX_TOKENS, Long.toString(t)));
    budget.maxCostUsd().ifPresent(c -> settings.put(MAX_COST_USD, c.toPlainString()));
    timeout.ifPresent(t -> settings.put(TIMEOUT, DurationText.format(t)));
    switch (resolved) {
      case SCRIPTED -> script.ifPresent(s -> settings.put(SCRIPTED_FILE, s.file().toAbsolutePath().toString()));
      case AGENT -> {
        provider.ifPresent(p -> settings.put(PROVIDER, p));
        model.ifPresent(m -> settings.put(MODEL, m));
        if (sandbox) {
          settings.put(SANDBOX, "true");
        }
        stallTimeout.ifPresent(s -> settings.put(STALL_TIMEOUT, DurationText.format(s)));
      }
      case SIMULATION -> {
        // Nothing else to record: the simulation takes no settings.
      }
    }
    if (!passEnv.isEmpty()) {
      settings.put(PASS_ENV, String.join(",", passEnv));
    }
    return settings;
  }

  /** Builds a spec; every choice but the environment has a default (the current directory as workdir). */
  public static final class Builder {
    private final Map<String, String> environment;
    private Optional<BackendKind> kind = Optional.empty();
    private Optional<String> provider = Optional.empty();
    private Optional<String> model = Optional.empty();
    private Path workdir = Path.of("");
    private boolean sandbox;
    private OptionalLong maxTokens = OptionalLong.empty();
    private Optional<BigDecimal> maxCostUsd = Optional.empty();
    private Optional<Duration> timeout = Optional.empty();
    private Optional<Duration> stallTimeout = Optional.empty();
    private Optional<ScriptSource> script = Optional.empty();
    private List<String> passEnv = List.of();

    private Builder(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
    }

    /**
     * Takes every choice a run recorded ({@link #settings(BackendKind)}); later calls override
     * them. A recorded backend name this version does not know counts as the simulation.
     */
    public Builder recorded(Map<String, String> settings) {
      Optional.ofNullable(settings.get(BACKEND)).map(name -> BackendKind.fromWire(name).orElse(BackendKind.SIMULATION)).ifPresent(this::kind);
      Optional.ofNullable(settings.get(PROVIDER)).ifPresent(this::provider);
      Optional.ofNullable(settings.get(MODEL)).ifPresent(this::model);
      Optional.ofNullable(settings.get(WORKDIR)).map(Path::of).ifPresent(this::workdir);
      sandbox |= "true".equals(settings.get(SANDBOX));
      Optional.ofNullable(settings.get(MAX_TOKENS)).map(RunBudget::parseMaxTokens).ifPresent(this::maxTokens);
      Optional.ofNullable(settings.get(MAX_COST_USD)).map(RunBudget::parseMaxCostUsd).ifPresent(this::maxCostUsd);
      Optional.ofNullable(settings.get(TIMEOUT)).map(DurationText::parse).ifPresent(this::timeout);
      Optional.ofNullable(settings.get(STALL_TIMEOUT)).map(DurationText::parse).ifPresent(this::stallTimeout);
      Optional.ofNullable(settings.get(SCRIPTED_FILE)).map(Path::of).map(ScriptSource::file).ifPresent(this::script);
      Optional.ofNullable(settings.get(PASS_ENV)).map(names -> List.of(names.split(","))).ifPresent(this::passEnv);
      return this;
    }

    public Builder kind(BackendKind value) {
      this.kind = Optional.of(value);
      return this;
    }

    public Builder provider(String value) {
      this.provider = Optional.of(value);
      return this;
    }

    public Builder model(String value) {
      this.model = Optional.of(value);
      return this;
    }

    public Builder workdir(Path value) {
      this.workdir = Objects.requireNonNull(value, "workdir");
      return this;
    }

    /** Runs the agents' commands under bubblewrap; once asked for (or recorded), stays on. */
    public Builder sandbox() {
      this.sandbox = true;
      return this;
    }

    /** A token budget; one that is not positive is an {@code InvalidValueException} ({@link RunBudget#requireMaxTokens}). */
    public Builder maxTokens(long value) {
      this.maxTokens = OptionalLong.of(RunBudget.requireMaxTokens(value));
      return this;
    }

    /** A cost budget in US dollars; one that is not positive is an {@code InvalidValueException} ({@link RunBudget#requireMaxCostUsd}). */
    public Builder maxCostUsd(BigDecimal value) {
      this.maxCostUsd = Optional.of(RunBudget.requireMaxCostUsd(value));
      return this;
    }

    public Builder timeout(Duration value) {
      this.timeout = Optional.of(value);
      return this;
    }

    public Builder stallTimeout(Duration value) {
      this.stallTimeout = Optional.of(value);
      return this;
    }

    public Builder script(ScriptSource value) {
      this.script = Optional.of(value);
      return this;
    }

    /** The variables the run's commands get besides the allow-list; replaces the recorded ones. */
    public Builder passEnv(List<String> names) {
      this.passEnv = List.copyOf(names);
      return this;
    }

    /** The kind chosen so far (given, or recorded). */
    public Optional<BackendKind> kind() {
      return kind;
    }

    public BackendSpec build() {
      return new BackendSpec(kind, provider, model, workdir, sandbox, new RunBudget(maxTokens, maxCostUsd), timeout, stallTimeout, script,
          environment, passEnv);
    }
  }
}
