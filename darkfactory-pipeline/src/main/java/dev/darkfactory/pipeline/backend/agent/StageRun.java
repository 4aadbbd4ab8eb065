package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.agent.AgentEvent;
import dev.darkfactory.agent.AgentEventJson;
import dev.darkfactory.pipeline.backend.CodergenRequest;
import dev.darkfactory.pipeline.backend.cost.MeteringMiddleware;
import dev.darkfactory.pipeline.backend.cost.RunBudget;
import dev.darkfactory.pipeline.backend.cost.Spend;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.StopReason;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One stage's execution on a session: what the session's listener, tools, hooks and metering
 * report into while the stage runs. A session outlives stages under {@code full} fidelity, so its
 * collaborators find the current stage through the slot rather than holding a stage themselves.
 *
 * <p>Records the agent's event stream to {@code agent-events.jsonl} in the stage directory (text
 * and tool-output deltas are left out: the full texts are in the {@code *_END} events), forwards
 * tool calls and problems as stage notes, and keeps the time of the last sign of progress for the
 * stall watchdog.
 */
final class StageRun implements MeteringMiddleware.Stage, AutoCloseable {
  static final String EVENTS_FILE = "agent-events.jsonl";

  final CodergenRequest request;
  final ShellToolHooks.Commands hooks;
  private final RunBudget budget;
  private final AtomicReference<Outcome> reported = new AtomicReference<>();
  private final AtomicReference<StopReason> refusal = new AtomicReference<>();
  private final AtomicReference<String> abortReason = new AtomicReference<>();
  private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
  private final BufferedWriter events;
  private Spend spend = Spend.ZERO;

  StageRun(CodergenRequest request, ShellToolHooks.Commands hooks, RunBudget budget) {
    this.request = request;
    this.hooks = hooks;
    this.budget = budget;
    try {
      this.events = Files.newBufferedWriter(request.stageDir().resolve(EVENTS_FILE), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + EVENTS_FILE + " in " + request.stageDir(), e);
    }
  }

  String nodeIdValue() {
    return request.node().id();
  }

  Path stageDir() {
    return request.stageDir();
  }

  /** The environment variables the graph and the node name in {@code pass_env}. */
  java.util.List<String> passEnv() {
    java.util.List<String> names = new java.util.ArrayList<>(request.graph().passEnv());
    names.addAll(request.node().passEnv());
    return names;
  }

  @Override
  public Optional<String> nodeId() {
    return Optional.of(request.node().id());
  }

  @Override
  public RunBudget budget() {
    return budget;
  }

  @Override
  public synchronized void spent(Spend call) {
    spend = spend.plus(call);
    progressed();
  }

  synchronized Spend spend() {
    return spend;
  }

  @Override
  public void refused(StopReason reason) {
    refusal.compareAndSet(null, reason);
  }

  Optional<StopReason> refusal() {
    return Optional.ofNullable(refusal.get());
  }

  /** The outcome the agent reported with {@code report_outcome}; the last report wins. */
  void report(Outcome outcome) {
    reported.set(outcome);
  }

  Optional<Outcome> reported() {
    return Optional.ofNullable(reported.get());
  }

  /** Marks why the watchdog aborted the session (stalled, timed out); the first reason stays. */
  boolean abortFor(String reason) {
    return abortReason.compareAndSet(null, reason);
  }

  Optional<String> abortReason() {
    return Optional.ofNullable(abortReason.get());
  }

  void progressed() {
    lastProgress.set(System.nanoTime());
  }

  long lastProgressNanos() {
    return lastProgress.get();
  }

  void note(String message) {
    request.events().note(request.node().id(), message);
  }

  /** The stage's metered spend as an event, for the server's cost columns and other listeners. */
  void reportUsage() {
    Spend spend = spend();
    Optional<java.math.BigDecimal> cost = spend.llmCalls() > spend.unpricedCalls() ? Optional.of(spend.costUsd()) : Optional.empty();
    request.events().usage(request.node().id(), spend.inputTokens(), spend.outputTokens(), spend.cacheReadTokens(), spend.llmCalls(), cost);
  }

  /** The session's listener: log, watch progress, show what matters. */
  void onAgentEvent(AgentEvent event) {
    progressed();
    switch (event) {
      case AgentEvent.AssistantTextDelta ignored -> { }
      case AgentEvent.ToolCallOutputDelta ignored -> { }
      case AgentEvent.ToolCallStart start -> {
        log(event);
        if (!start.toolName().equals(ReportOutcomeTool.NAME)) {
          note(ToolCallSummary.of(start.toolName(), start.arguments()));
        }
      }
      case AgentEvent.Error error -> {
        log(event);
        note("agent error: " + error.message());
      }
      case AgentEvent.LoopDetection loop -> {
        log(event);
        note("agent: " + loop.message());
      }
      case AgentEvent.TurnLimit limit -> {
        log(event);
        note("agent reached its " + (limit.limit() == AgentEvent.TurnLimit.Limit.ROUNDS ? "tool-round" : "turn") + " limit (" + limit.count() + ")");
      }
      default -> log(event);
    }
  }

  private synchronized void log(AgentEvent event) {
    try {
      events.write(AgentEventJson.toLine(event));
      events.newLine();
      events.flush();
    } catch (IOException e) {
      // The stage's work matters more than its log; the note tells the user the log is incomplete.
      request.events().note(request.node().id(), "could not append to " + EVENTS_FILE + ": " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    try {
      events.close();
    } catch (IOException e) {
      request.events().note(request.node().id(), "could not close " + EVENTS_FILE + ": " + e.getMessage());
    }
  }
}
