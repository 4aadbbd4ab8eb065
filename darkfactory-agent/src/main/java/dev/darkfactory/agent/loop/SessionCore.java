package dev.darkfactory.agent.loop;

import dev.darkfactory.llm.generate.JsonSchemaValidator;
import dev.darkfactory.agent.AgentEvent;
import dev.darkfactory.agent.SessionConfig;
import dev.darkfactory.agent.SessionState;
import dev.darkfactory.agent.UsageSummary;
import dev.darkfactory.agent.env.ExecutionEnvironment;
import dev.darkfactory.agent.profile.ProviderProfile;
import dev.darkfactory.agent.prompt.EnvironmentContext;
import dev.darkfactory.agent.tool.SubagentControl;
import dev.darkfactory.agent.tool.ToolHook;
import dev.darkfactory.llm.AbortSignal;
import dev.darkfactory.llm.Client;
import dev.darkfactory.llm.Cost;
import dev.darkfactory.llm.Usage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The state of one session (coding-agent-loop-spec §2.1), shared by the loop's steps: history,
 * queues, configuration, lifecycle state, abort flag and usage. {@code Session} is the public face;
 * hosts never touch this class.
 */
public final class SessionCore {
  private final String id;
  private final int depth;
  private final Client client;
  private final ExecutionEnvironment environment;
  private final EventHub events;
  private final List<ToolHook> hooks;
  private final Optional<SubagentControl> subagents;
  private final Clock clock;
  private final EnvironmentContext promptContext;
  private final History history = new History();
  private final JsonSchemaValidator validator = new JsonSchemaValidator();
  private final Queue<String> steering = new ConcurrentLinkedQueue<>();
  private final Queue<String> followUps = new ConcurrentLinkedQueue<>();
  private final AtomicReference<ProviderProfile> profile;
  private final AtomicReference<SessionConfig> config;
  private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.IDLE);
  private final AtomicReference<UsageSummary> usage = new AtomicReference<>(UsageSummary.empty());
  private final AtomicReference<AbortSignal> currentCall = new AtomicReference<>();
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private volatile boolean aborted;

  public SessionCore(
      String id, int depth, Client client, ProviderProfile profile, ExecutionEnvironment environment,
      SessionConfig config, List<ToolHook> hooks, Optional<SubagentControl> subagents, Clock clock,
      EnvironmentContext promptContext, EventHub events) {
    this.id = id;
    this.depth = depth;
    this.client = client;
    this.profile = new AtomicReference<>(profile);
    this.environment = environment;
    this.config = new AtomicReference<>(config);
    this.hooks = List.copyOf(hooks);
    this.subagents = subagents;
    this.clock = clock;
    this.promptContext = promptContext;
    this.events = events;
  }

  public String id() {
    return id;
  }

  public int depth() {
    return depth;
  }

  public Client client() {
    return client;
  }

  public ProviderProfile profile() {
    return profile.get();
  }

  public void setProfile(ProviderProfile value) {
    profile.set(value);
  }

  public ExecutionEnvironment environment() {
    return environment;
  }

  public SessionConfig config() {
    return config.get();
  }

  public SessionConfig updateConfig(UnaryOperator<SessionConfig> change) {
    return config.updateAndGet(change);
  }

  public List<ToolHook> hooks() {
    return hooks;
  }

  public Optional<SubagentControl> subagents() {
    return subagents;
  }

  public EnvironmentContext promptContext() {
    return promptContext;
  }

  public History history() {
    return history;
  }

  public JsonSchemaValidator validator() {
    return validator;
  }

  public Queue<String> steering() {
    return steering;
  }

  public Queue<String> followUps() {
    return followUps;
  }

  public SessionState state() {
    return state.get();
  }

  public void setState(SessionState value) {
    state.set(value);
  }

  public boolean compareAndSetState(SessionState expected, SessionState value) {
    return state.compareAndSet(expected, value);
  }

  public UsageSummary usage() {
    return usage.get();
  }

  public void addUsage(Usage more, Optional<Cost> cost) {
    usage.updateAndGet(summary -> summary.plus(more, cost));
  }

  public Instant now() {
    return clock.instant();
  }

  public Clock clock() {
    return clock;
  }

  public void emit(AgentEvent event) {
    events.emit(event);
  }

  public EventHub events() {
    return events;
  }

  // ---- Abort (§2.8 item 4, Appendix B) --------------------------------------------------------

  public boolean aborted() {
    return aborted;
  }

  /**
   * Signals abort: cancels the LLM call in flight and interrupts running tools, whose commands are
   * then terminated (SIGTERM, 2 s, SIGKILL) by the process runner.
   */
  public void signalAbort() {
    aborted = true;
    AbortSignal call = currentCall.get();
    if (call != null) {
      call.abort();
    }
    workers.forEach(Thread::interrupt);
  }

  /** A fresh abort signal for the next LLM call, already fired if the session is aborting. */
  AbortSignal newCallSignal() {
    AbortSignal signal = AbortSignal.create();
    currentCall.set(signal);
    if (aborted) {
      signal.abort();
    }
    return signal;
  }

  void callFinished() {
    currentCall.set(null);
  }

  void registerWorker(Thread worker) {
    workers.add(worker);
    if (aborted) {
      worker.interrupt();
    }
  }

  void unregisterWorker(Thread worker) {
    workers.remove(worker);
  }
}
