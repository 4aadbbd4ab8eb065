package dev.darkfactory.agent;

import dev.darkfactory.agent.env.ExecutionEnvironment;
import dev.darkfactory.agent.env.ScopedExecutionEnvironment;
import dev.darkfactory.agent.loop.AgentLoop;
import dev.darkfactory.agent.loop.EventHub;
import dev.darkfactory.agent.loop.SessionCore;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.prompt.EnvironmentContext;
import dev.darkfactory.agent.prompt.GitSnapshot;
import dev.darkfactory.agent.subagent.SubagentManager;
import dev.darkfactory.agent.tool.SubagentControl;
import dev.darkfactory.agent.tool.ToolHook;
import dev.darkfactory.llm.Client;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A coding agent session (coding-agent-loop-spec §2.1): a conversation with one model, its tools
 * running in one execution environment, under the host's control.
 *
 * <pre>{@code
 * Session session = Session.builder(client, AnthropicProfile.create("claude-sonnet-4-5"),
 *         LocalExecutionEnvironment.create(workdir))
 *     .config(SessionConfig.builder().reasoningEffort("high").maxToolRoundsPerInput(50).build())
 *     .listener(event -> render(event))
 *     .build();
 * SubmitResult result = session.submit("Add a /health endpoint and test it");
 * }</pre>
 *
 * <p>{@link #submit} blocks while the loop runs (§2.5); call {@link #steer}, {@link #followUp},
 * {@link #updateConfig}, {@link #abort} and {@link #close} from any other thread meanwhile. One
 * input is processed at a time. Events go to listeners as they happen and to {@link #events()}
 * streams (§2.9). Failures of tools go back to the model; failures of the session come back in the
 * {@link SubmitResult}, never as an exception out of the loop.
 */
public final class Session implements AutoCloseable {
  /** How long {@link #close()} waits for a running input to wind down after aborting it. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

  private final SessionCore core;
  private final AgentLoop loop;
  private final SubagentManager subagents;
  private final EventHub events;
  private final boolean ownsEnvironment;
  private final Object lock = new Object();
  private boolean processing;
  private final AtomicBoolean shuttingDown = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);

  private Session(Builder builder) {
    String id = UUID.randomUUID().toString();
    this.events = new EventHub();
    builder.listeners.forEach(events::subscribe);
    this.ownsEnvironment = builder.ownsEnvironment;
    ExecutionEnvironment environment = builder.environment;
    environment.initialize();
    EnvironmentContext context = new EnvironmentContext(environment.workingDirectory(),
        GitSnapshot.capture(environment), environment.platform(), environment.osVersion(),
        LocalDate.now(builder.clock), builder.profile.displayName(), builder.profile.knowledgeCutoff());
    this.subagents = new SubagentManager(builder.depth, () -> config().maxSubagentDepth(), this::spawnChild,
        (agentId, event) -> events.emit(new AgentEvent.SubagentEvent(id, builder.clock.instant(), agentId, event)));
    this.core = new SessionCore(id, builder.depth, builder.client, builder.profile, environment, builder.config,
        builder.hooks, Optional.<SubagentControl>of(subagents), builder.clock, context, events);
    this.loop = new AgentLoop(core);
    events.emit(new AgentEvent.SessionStart(id, core.now(), builder.profile.id(), builder.profile.model(),
        environment.workingDirectory()));
  }

  /** A session with default configuration. */
  public static Session create(Client client, ProviderProfile profile, ExecutionEnvironment environment) {
    return builder(client, profile, environment).build();
  }

  public static Builder builder(Client client, ProviderProfile profile, ExecutionEnvironment environment) {
    return new Builder(client, profile, environment);
  }

  // ---- Processing (§2.5) ------------------------------------------------------------------------

  /**
   * Processes one input to the end: the model and its tools loop until natural completion, a limit,
   * an abort or an error; then queued follow-ups run. Blocks meanwhile.
   *
   * @throws SessionStateException if the session is closed or already processing an input
   */
  public SubmitResult submit(String input) {
    Objects.requireNonNull(input, "input");
    begin();
    return run(input);
  }

  /** {@link #submit} on a new virtual thread; the state checks happen before this returns. */
  public CompletableFuture<SubmitResult> submitAsync(String input) {
    Objects.requireNonNull(input, "input");
    begin();
    CompletableFuture<SubmitResult> future = new CompletableFuture<>();
    Thread.ofVirtual().name("session-" + id()).start(() -> {
      try {
        future.complete(run(input));
      } catch (Throwable failure) {
        future.completeExceptionally(failure);
      }
    });
    return future;
  }

  private void begin() {
    synchronized (lock) {
      if (core.state() == SessionState.CLOSED || shuttingDown.get()) {
        throw new SessionStateException("The session is closed; create a new session.");
      }
      if (processing) {
        throw new SessionStateException("The session is already processing an input; use steer() or followUp()"
            + " to add messages, or wait for it to finish.");
      }
      processing = true;
      core.setState(SessionState.PROCESSING);
    }
  }

  private SubmitResult run(String input) {
    AgentLoop.Outcome outcome;
    try {
      outcome = loop.process(input);
    } catch (RuntimeException bug) {
      // Tools and LLM errors are handled inside the loop; anything else is a defect we must not let
      // escape half-way through a session. Close it cleanly and report.
      String message = "The agent loop failed unexpectedly: " + bug;
      events.emit(new AgentEvent.Error(id(), core.now(), message, Optional.empty()));
      outcome = new AgentLoop.Outcome(StopReason.FAILED, "", 0, 0, dev.darkfactory.llm.Usage.empty(),
          Optional.empty(), Optional.of(new SessionFailedException(message, bug)), true);
    }
    boolean closing = outcome.fatal() || outcome.stopReason() == StopReason.ABORTED || core.aborted();
    StopReason stopReason = core.aborted() ? StopReason.ABORTED : outcome.stopReason();
    SessionState next = closing ? SessionState.CLOSED
        : stopReason == StopReason.COMPLETED && outcome.output().strip().endsWith("?") ? SessionState.AWAITING_INPUT
        : SessionState.IDLE;
    if (closing) {
      events.emit(new AgentEvent.ProcessingEnd(id(), core.now(), stopReason, next));
      shutdown(outcome.error().map(Throwable::getMessage).or(() -> Optional.of("aborted")));
      synchronized (lock) {
        processing = false;
      }
    } else {
      // State first, then the event (§2.5), so a listener may submit again on PROCESSING_END.
      core.setState(next);
      synchronized (lock) {
        processing = false;
      }
      events.emit(new AgentEvent.ProcessingEnd(id(), core.now(), stopReason, next));
    }
    return new SubmitResult(stopReason, core.state(), outcome.output(), outcome.turns(), outcome.rounds(),
        outcome.usage(), outcome.cost(), outcome.error());
  }

  // ---- Steering (§2.6) and configuration (§2.7) -------------------------------------------------

  /** Queues a message injected after the current tool round (or at the start of the next input). */
  public void steer(String message) {
    requireOpen();
    core.steering().add(Objects.requireNonNull(message, "message"));
  }

  /** Queues a message processed as a new input after the current one completes. */
  public void followUp(String message) {
    requireOpen();
    core.followUps().add(Objects.requireNonNull(message, "message"));
  }

  /** Changes the configuration; the next LLM call and tool round use it. */
  public SessionConfig updateConfig(UnaryOperator<SessionConfig> change) {
    return core.updateConfig(change);
  }

  /** "low", "medium", "high", a provider-specific value, or {@code null} for the provider default. */
  public void setReasoningEffort(String effort) {
    updateConfig(config -> config.withReasoningEffort(effort));
  }

  /** Switches to another model of the same profile from the next LLM call on. */
  public void setModel(String model) {
    core.setProfile(core.profile().withModel(model));
  }

  private void requireOpen() {
    if (core.state() == SessionState.CLOSED) {
      throw new SessionStateException("The session is closed.");
    }
  }

  // ---- Stopping (§2.8 item 4, Appendix B) -------------------------------------------------------

  /**
   * Aborts: the LLM call in flight is cancelled, running commands are terminated (SIGTERM, then
   * SIGKILL after 2 s), subagents are closed, and the session ends CLOSED. Returns at once while an
   * input is processing (its {@link #submit} returns {@code ABORTED}); otherwise closes now.
   */
  public void abort() {
    core.signalAbort();
    boolean idle;
    synchronized (lock) {
      idle = !processing;
    }
    if (idle) {
      shutdown(Optional.of("aborted"));
    }
  }

  /** Closes the session (§2.3 {@code IDLE -> CLOSED}); a running input is aborted and awaited. */
  @Override
  public void close() {
    boolean running;
    synchronized (lock) {
      running = processing;
    }
    if (running) {
      abort();
      awaitClosed(CLOSE_WAIT);
    } else {
      shutdown(Optional.empty());
    }
  }

  /** Waits until the session is closed; true if it closed in time. */
  public boolean awaitClosed(Duration timeout) {
    try {
      return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The graceful shutdown sequence of Appendix B; runs once. */
  private void shutdown(Optional<String> error) {
    if (!shuttingDown.compareAndSet(false, true)) {
      return;
    }
    core.signalAbort(); // 1-4: cancel the stream, interrupt tools (their process groups get TERM, then KILL)
    if (ownsEnvironment) {
      core.environment().cleanup(); // anything still running in the environment gets the same treatment
    }
    subagents.closeAll(); // 6
    events.emit(new AgentEvent.SessionEnd(id(), core.now(), SessionState.CLOSED, error)); // 7
    core.setState(SessionState.CLOSED); // 8
    closed.countDown();
  }

  // ---- Observation ------------------------------------------------------------------------------

  public String id() {
    return core.id();
  }

  public SessionState state() {
    return core.state();
  }

  public SessionConfig config() {
    return core.config();
  }

  public ProviderProfile profile() {
    return core.profile();
  }

  public ExecutionEnvironment environment() {
    return core.environment();
  }

  /** The conversation so far (§2.4), a snapshot. */
  public List<Turn> history() {
    return core.history().snapshot();
  }

  /** Tokens, cost and calls so far, this session only (subagents account for themselves). */
  public UsageSummary usage() {
    return core.usage();
  }

  /** A blocking stream of this session's events from {@code SESSION_START} on (§2.9). */
  public AgentEventStream events() {
    AgentEventStream stream = new AgentEventStream(id());
    stream.onClose(events.attach(stream::offer));
    return stream;
  }

  /** Adds a listener called synchronously for each event from now on. */
  public Subscription subscribe(Consumer<AgentEvent> listener) {
    Runnable remove = events.subscribe(listener);
    return remove::run;
  }

  /** Stops a listener. */
  @FunctionalInterface
  public interface Subscription {
    void cancel();
  }

  // ---- Subagents (§7) ---------------------------------------------------------------------------

  private Session spawnChild(SubagentControl.SpawnRequest request, Consumer<AgentEvent> forward) {
    ProviderProfile profile = request.model().map(core.profile()::withModel).orElse(core.profile());
    ExecutionEnvironment environment = request.workingDirectory()
        .<ExecutionEnvironment>map(dir -> ScopedExecutionEnvironment.of(core.environment(), dir))
        .orElse(core.environment());
    Builder child = new Builder(core.client(), profile, environment)
        .config(core.config().toBuilder().maxTurns(request.maxTurns()).build())
        .listener(forward)
        .clock(core.clock());
    child.hooks.addAll(core.hooks());
    child.depth = core.depth() + 1;
    return child.build();
  }

  /** Configures a {@link Session}. */
  public static final class Builder {
    private final Client client;
    private final ProviderProfile profile;
    private final ExecutionEnvironment environment;
    private SessionConfig config = SessionConfig.defaults();
    private final List<ToolHook> hooks = new ArrayList<>();
    private final List<Consumer<AgentEvent>> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private boolean ownsEnvironment;
    private int depth;

    private Builder(Client client, ProviderProfile profile, ExecutionEnvironment environment) {
      this.client = Objects.requireNonNull(client, "client");
      this.profile = Objects.requireNonNull(profile, "profile");
      this.environment = Objects.requireNonNull(environment, "environment");
    }

    public Builder config(SessionConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      return this;
    }

    /** Runs around every tool call, in registration order (§8 approval hook point). */
    public Builder hook(ToolHook value) {
      hooks.add(Objects.requireNonNull(value, "hook"));
      return this;
    }

    /** Subscribed before {@code SESSION_START} is emitted. */
    public Builder listener(Consumer<AgentEvent> value) {
      listeners.add(Objects.requireNonNull(value, "listener"));
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Whether the session owns the environment: closing the session then also cleans it up, ending
     * any process left in it. Off by default, since hosts may share an environment.
     */
    public Builder ownsEnvironment(boolean value) {
      this.ownsEnvironment = value;
      return this;
    }

    /** Creates the session, captures the environment and git context, and emits {@code SESSION_START}. */
    public Session build() {
      return new Session(this);
    }
  }
}
