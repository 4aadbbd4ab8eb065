package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.agent.Session;
import dev.darkfactory.agent.SessionConfig;
import dev.darkfactory.agent.SessionStateException;
import dev.darkfactory.agent.SubmitResult;
import dev.darkfactory.agent.env.ExecutionEnvironment;
import dev.darkfactory.agent.env.LocalExecutionEnvironment;
import dev.darkfactory.agent.env.policy.EnvironmentPolicy;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.profile.ProviderProfiles;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.LlmException;
import dev.darkfactory.pipeline.backend.BackendStopException;
import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.backend.CodergenRequest;
import dev.darkfactory.pipeline.backend.CodergenResult;
import dev.darkfactory.pipeline.backend.cost.MeteringMiddleware;
import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.backend.cost.SpendLedger;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.FidelityMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A {@link CodergenBackend} whose stages are coding-agent sessions (attractor-spec.md 1.4, 4.5;
 * coding-agent-loop-spec 2): the agent reads and edits files and runs commands in the run's working
 * directory, with the node's provider, model and reasoning effort. Its file tools are always
 * confined to the working directory and the stage's directory ({@code ../}, absolute paths, links
 * leading out and writes through hard links are refused with an error result the model sees);
 * commands are confined only when {@link Builder#environments} makes a sandbox. Commands and tool
 * hooks inherit only the allow-list of {@link EnvironmentPolicy} and the names passed explicitly
 * ({@link Builder#environmentPolicy}, the graph's and node's {@code pass_env}); see {@link StageEnvironment}.
 *
 * <pre>{@code
 * try (AgentBackend backend = AgentBackend.builder(Client.fromEnv()).ledger(SpendLedger.at(root.resolve("usage.json"))).build()) {
 *   PipelineEngine engine = PipelineEngine.builder().handlers(HandlerRegistry.standard(backend, interviewer)).build();
 *   engine.run(graph, RunOptions.in(root).withWorkdir(repository));
 * }
 * }</pre>
 *
 * <p>Per stage: the run budget is checked first (a spent budget stops the run resumably before any
 * call); the session is the thread's under {@code full} fidelity, or a fresh one told about the run
 * by the mode's {@link Preambles preamble} (5.4); the input is the preamble, a stage header and the
 * prompt. While it runs, every LLM call is metered into the {@link SpendLedger} and refused once the
 * budget is spent, tool calls pass through {@code tool_hooks.pre/post} (9.7), the watchdog enforces
 * {@code stall_timeout} and the node's {@code timeout} and delivers a manager's {@code steer.md}
 * (4.11), and a run stop aborts the session. The outcome follows {@link StageVerdict}. The stage
 * directory receives {@code preamble.md}, {@code input.md}, {@code agent-events.jsonl}, {@code
 * tool-hooks.jsonl}, {@code usage.json} and, for outcomes the agent reported, {@code response.md};
 * the handler writes {@code prompt.md}, {@code response.md} and {@code status.json}.
 *
 * <p>Thread-safe: parallel branches run their stages concurrently, each on its own session. Close
 * it after the run to close the sessions it kept for {@code full} fidelity.
 */
public final class AgentBackend implements CodergenBackend, AutoCloseable {
  /** Layer 5 of the system prompt (coding-agent-loop-spec 6.1): the same for every stage, so prompt caches hold. */
  static final String PIPELINE_INSTRUCTIONS = """
      You are working as one stage of an automated pipeline (an Attractor pipeline). Each input names \
      the stage and says what to do. Do the work with your tools in the working directory. When the \
      stage is done, or cannot be done, call report_outcome with outcome success, partial_success, \
      retry or fail (and notes, a failure_reason, a preferred_label when the prompt offers choices, \
      context_updates for values later stages need), then end your turn with a short summary. If you \
      cannot call tools, write the same fields as JSON to status.json in the stage directory.""";

  private final Client client;
  private final Optional<String> defaultProvider;
  private final Optional<String> defaultModel;
  private final SessionConfig sessionConfig;
  private final Function<Path, ExecutionEnvironment> environments;
  private final EnvironmentPolicy environmentPolicy;
  private final SpendLedger ledger;
  private final RunBudget budgetOverrides;
  private final Duration stallTimeout;
  private final Duration hookTimeout;
  private final SessionPool pool = new SessionPool();
  private final Map<Path, ExecutionEnvironment> environmentsByDirectory = new ConcurrentHashMap<>();
  private final Map<String, Optional<String>> verifiedModels = new ConcurrentHashMap<>();

  private AgentBackend(Builder builder) {
    this.client = builder.client;
    this.defaultProvider = builder.defaultProvider;
    this.defaultModel = builder.defaultModel;
    this.sessionConfig = builder.sessionConfig;
    this.environmentPolicy = builder.environmentPolicy;
    EnvironmentPolicy policy = builder.environmentPolicy;
    this.environments = builder.environments != null ? builder.environments
        : directory -> LocalExecutionEnvironment.builder(directory).environmentPolicy(policy).build();
    this.ledger = builder.ledger;
    this.budgetOverrides = builder.budgetOverrides;
    this.stallTimeout = builder.stallTimeout;
    this.hookTimeout = builder.hookTimeout;
  }

  public static Builder builder(Client client) {
    return new Builder(client);
  }

  @Override
  public CodergenResult run(CodergenRequest request) {
    RunBudget budget = RunBudget.of(request.graph()).overriddenBy(budgetOverrides);
    budget.check(ledger.total()).ifPresent(reason -> {
      throw new BackendStopException(reason);
    });
    Node node = request.node();
    ModelChoice choice = ModelChoice.resolve(node, client, defaultProvider, defaultModel);
    verify(choice);
    StageRun stage = new StageRun(request, ShellToolHooks.Commands.of(node, request.graph()), budget);
    Lease lease;
    try {
      lease = lease(request, choice, stage);
    } catch (RuntimeException e) {
      stage.close();
      throw e;
    }
    AgentSlot slot = lease.slot();
    SubmitResult result;
    try {
      String input = StageInput.compose(request, lease.preamble());
      StageFiles.writeInputs(request.stageDir(), lease.preamble(), input);
      stage.note("agent " + choice.describe() + ": " + lease.describe());
      Cancellation.Registration onStop = request.cancellation().onCancel(slot.session()::abort);
      try (StageWatchdog watchdog = new StageWatchdog(stage, slot.session(), stallTimeout(node, request), node.timeout(), request.workdir())) {
        result = slot.session().submit(input);
      } catch (SessionStateException closed) {
        throw new StageConfigurationException("the agent session could not take the stage: " + closed.getMessage());
      } finally {
        onStop.close();
      }
    } finally {
      stage.close();
      slot.release();
      keepOrDiscard(slot, request, lease);
    }
    StageFiles.writeUsage(request.stageDir(), stage.spend(), choice, slot.session().id(), lease.reused());
    stage.note("spent " + stage.spend().describe());
    stage.reportUsage();
    CodergenResult verdict = StageVerdict.of(result, stage);
    if (verdict instanceof CodergenResult.Decided decided) {
      StageFiles.writeResponse(request.stageDir(), result.output());
      return decided;
    }
    return verdict;
  }

  /** A stage's claim on a session: reused (full fidelity) or fresh with a preamble. */
  record Lease(AgentSlot slot, boolean reused, Optional<String> preamble, String describe) {}

  /** Claims the thread's session or makes a fresh one, with {@code stage} already attached to it. */
  private Lease lease(CodergenRequest request, ModelChoice choice, StageRun stage) {
    var fidelity = request.fidelity();
    if (fidelity.mode() == FidelityMode.FULL && fidelity.threadKey().isPresent()) {
      String thread = fidelity.threadKey().get();
      Optional<AgentSlot> reused = pool.claim(thread, choice);
      if (reused.isPresent()) {
        reused.get().begin(stage);
        reused.get().switchModel(choice);
        reused.get().session().setReasoningEffort(choice.reasoningEffort().orElse(null));
        return new Lease(reused.get(), true, Optional.empty(), "continuing the session of thread " + thread + " (fidelity full)");
      }
      AgentSlot fresh = newSlot(request, choice, stage);
      return new Lease(fresh, false, Optional.of(preamble(request, FidelityMode.COMPACT)),
          "new session for thread " + thread + " (fidelity full; compact preamble)");
    }
    AgentSlot fresh = newSlot(request, choice, stage);
    FidelityMode mode = fidelity.mode();
    String why = fidelity.degraded() ? " (full degraded after resume)" : "";
    return new Lease(fresh, false, Optional.of(preamble(request, mode)), "new session, " + mode.wire() + " preamble" + why);
  }

  private String preamble(CodergenRequest request, FidelityMode mode) {
    RunHistory history = RunHistory.read(request.stageDir().getParent(), request.events().runId());
    return Preambles.build(mode, history, request.context().snapshot(), request.graph().goal());
  }

  /** A slot with a new session; the stage is attached first so it sees the session start. */
  private AgentSlot newSlot(CodergenRequest request, ModelChoice choice, StageRun stage) {
    AgentSlot slot = new AgentSlot();
    slot.tryClaim();
    slot.begin(stage);
    ProviderProfile profile = ProviderProfiles.create(choice.provider(), Optional.of(choice.model()), client.catalog());
    profile.toolRegistry().register(new ReportOutcomeTool(slot::current));
    Session session = Session.builder(metered(slot), profile, new StageEnvironment(environment(request.workdir()), slot::current, environmentPolicy))
        .config(sessionConfig.toBuilder()
            .reasoningEffort(choice.reasoningEffort().orElse(null))
            .userInstructions(sessionConfig.userInstructions().map(extra -> PIPELINE_INSTRUCTIONS + "\n\n" + extra).orElse(PIPELINE_INSTRUCTIONS))
            .build())
        .hook(new ShellToolHooks(slot::current, hookTimeout, environmentPolicy))
        .listener(event -> slot.current().ifPresent(running -> running.onAgentEvent(event)))
        .build();
    slot.attach(session, choice);
    pool.track(slot);
    return slot;
  }

  /** The client with this slot's metering: the same adapters, catalog and default provider as ours. */
  private Client metered(AgentSlot slot) {
    Client.Builder builder = Client.builder().catalog(client.catalog());
    client.providerNames().forEach(name -> client.adapter(name).ifPresent(builder::provider));
    client.defaultProvider().ifPresent(builder::defaultProvider);
    return builder.middleware(new MeteringMiddleware(ledger, client::cost, slot::current)).build();
  }

  private ExecutionEnvironment environment(Path workdir) {
    return environmentsByDirectory.computeIfAbsent(workdir.toAbsolutePath().normalize(), environments);
  }

  private Optional<Duration> stallTimeout(Node node, CodergenRequest request) {
    return node.attributes().duration("stall_timeout")
        .or(() -> request.graph().attributes().duration("stall_timeout"))
        .or(() -> Optional.of(stallTimeout));
  }

  /** Checks a model once per run; an unknown one fails the stage with the client's remedy, not an HTTP error. */
  private void verify(ModelChoice choice) {
    Optional<String> problem = verifiedModels.computeIfAbsent(choice.provider() + "/" + choice.model(), key -> {
      try {
        client.verifyModel(choice.provider(), choice.model());
        return Optional.empty();
      } catch (LlmException e) {
        return Optional.of(e.getMessage() + ". " + e.remedy());
      }
    });
    problem.ifPresent(message -> {
      throw new StageConfigurationException(message);
    });
  }

  /** Keeps a session that is still open for later stages of its thread; forgets a closed one. */
  private void keepOrDiscard(AgentSlot slot, CodergenRequest request, Lease lease) {
    if (!slot.open()) {
      pool.discard(slot);
      return;
    }
    List<String> keys = new ArrayList<>();
    keys.add(request.node().id());
    request.fidelity().threadKey().ifPresent(keys::add);
    pool.register(slot, keys);
  }

  /** The spend of this backend's stages. */
  public SpendLedger ledger() {
    return ledger;
  }

  @Override
  public String describe() {
    return "agent" + defaultProvider.map(p -> " " + p).orElse("") + defaultModel.map(m -> " " + m).orElse("");
  }

  /** Closes the sessions kept for {@code full} fidelity and the execution environments. */
  @Override
  public void close() {
    pool.close();
    environmentsByDirectory.values().forEach(ExecutionEnvironment::close);
    environmentsByDirectory.clear();
  }

  /** Configures an {@link AgentBackend}; everything but the client has a default. */
  public static final class Builder {
    private final Client client;
    private Optional<String> defaultProvider = Optional.empty();
    private Optional<String> defaultModel = Optional.empty();
    private SessionConfig sessionConfig = SessionConfig.builder().maxToolRoundsPerInput(200).build();
    private Function<Path, ExecutionEnvironment> environments;
    private EnvironmentPolicy environmentPolicy = EnvironmentPolicy.defaults();
    private SpendLedger ledger = SpendLedger.inMemory();
    private RunBudget budgetOverrides = RunBudget.unlimited();
    private Duration stallTimeout = Duration.ofMinutes(10);
    private Duration hookTimeout = Duration.ofSeconds(60);

    private Builder(Client client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The provider for nodes that name none (after the stylesheet); the client's default otherwise. */
    public Builder defaultProvider(String value) {
      this.defaultProvider = Optional.ofNullable(value).filter(s -> !s.isBlank());
      return this;
    }

    /** The model for nodes that name none; the provider profile's default otherwise. */
    public Builder defaultModel(String value) {
      this.defaultModel = Optional.ofNullable(value).filter(s -> !s.isBlank());
      return this;
    }

    /** Limits and settings of every session (200 tool rounds per stage by default); reasoning effort comes from the node. */
    public Builder sessionConfig(SessionConfig value) {
      this.sessionConfig = Objects.requireNonNull(value, "sessionConfig");
      return this;
    }

    /**
     * How to make the execution environment of a working directory (local by default; a sandbox, a
     * container...). Each session's file tools are confined to the working directory on top of it.
     */
    public Builder environments(Function<Path, ExecutionEnvironment> value) {
      this.environments = Objects.requireNonNull(value, "environments");
      return this;
    }

    /**
     * Which of the engine's environment variables agent commands and tool hooks inherit (the
     * allow-list by default); its passed names, and each graph's and node's {@code pass_env}, reach
     * every agent command whatever {@link #environments} makes.
     */
    public Builder environmentPolicy(EnvironmentPolicy value) {
      this.environmentPolicy = Objects.requireNonNull(value, "environmentPolicy");
      return this;
    }

    public Builder ledger(SpendLedger value) {
      this.ledger = Objects.requireNonNull(value, "ledger");
      return this;
    }

    /** Budgets that win over the graph's {@code max_tokens} and {@code max_cost_usd} (the command line's). */
    public Builder budget(RunBudget value) {
      this.budgetOverrides = Objects.requireNonNull(value, "budget");
      return this;
    }

    /** How long an agent may go without output or workspace change (10 minutes by default; nodes and graphs may set {@code stall_timeout}). */
    public Builder stallTimeout(Duration value) {
      this.stallTimeout = Objects.requireNonNull(value, "stallTimeout");
      return this;
    }

    /** How long a tool hook may run before it is killed and counts as failed (60 s by default). */
    public Builder hookTimeout(Duration value) {
      this.hookTimeout = Objects.requireNonNull(value, "hookTimeout");
      return this;
    }

    public AgentBackend build() {
      return new AgentBackend(this);
    }
  }
}
