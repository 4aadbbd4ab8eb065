package dev.darkfactory.agent.loop;

import dev.darkfactory.agent.AgentEvent;
import dev.darkfactory.agent.SessionConfig;
import dev.darkfactory.agent.tool.CommandTimeouts;
import dev.darkfactory.agent.tool.OutputLimits;
import dev.darkfactory.agent.tool.ToolCallObserver;
import dev.darkfactory.agent.tool.ToolContext;
import dev.darkfactory.agent.tool.ToolDispatcher;
import dev.darkfactory.agent.tool.ToolExecution;
import dev.darkfactory.llm.ToolCall;
import dev.darkfactory.llm.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One round of tool calls ({@code execute_tool_calls}, coding-agent-loop-spec §2.5): concurrently
 * when the profile supports parallel calls, otherwise in order. Consecutive calls of
 * {@linkplain dev.darkfactory.agent.tool.Tool#concurrencySafe() concurrency-safe} tools form a batch
 * that runs in parallel; any other call runs alone, after the calls before it. Every call runs on its
 * own virtual thread, so an abort can interrupt it without touching the host's thread; results come
 * back in call order whatever order they finish in.
 */
final class ToolRound {
  /** How long an abort waits for a tool that ignores interruption before giving up on it. */
  private static final Duration ABANDON_AFTER = Duration.ofSeconds(10);

  private final SessionCore core;

  ToolRound(SessionCore core) {
    this.core = core;
  }

  List<ToolExecution> execute(List<ToolCall> calls) {
    SessionConfig config = core.config();
    ToolDispatcher dispatcher = new ToolDispatcher(core.profile().toolRegistry(), core.validator(),
        new OutputLimits(config.toolOutputLimits(), config.toolLineLimits()), core.hooks());
    ToolContext context = new ToolContext(core.environment(), "", new CommandTimeouts(config.defaultCommandTimeout(),
        config.maxCommandTimeout()), delta -> {}, core.subagents());
    ToolCallObserver observer = new EventObserver();
    ToolExecution[] results = new ToolExecution[calls.size()];
    boolean parallel = core.profile().supportsParallelToolCalls();
    int start = 0;
    while (start < calls.size()) {
      int end = start + 1;
      if (parallel && safe(calls.get(start))) {
        while (end < calls.size() && safe(calls.get(end))) {
          end++;
        }
      }
      List<Thread> workers = new ArrayList<>();
      for (int i = start; i < end; i++) {
        workers.add(start(i, calls.get(i), dispatcher, context, observer, results));
      }
      for (int i = start; i < end; i++) {
        await(workers.get(i - start), i, calls.get(i), results);
      }
      start = end;
    }
    return List.of(results);
  }

  private boolean safe(ToolCall call) {
    return core.profile().toolRegistry().get(call.name()).map(tool -> tool.concurrencySafe()).orElse(true);
  }

  private Thread start(int index, ToolCall call, ToolDispatcher dispatcher, ToolContext context,
      ToolCallObserver observer, ToolExecution[] results) {
    Thread worker = Thread.ofVirtual().name("tool-" + call.name()).unstarted(() -> {
      try {
        results[index] = dispatcher.dispatch(call, context, observer);
      } finally {
        core.unregisterWorker(Thread.currentThread());
      }
    });
    core.registerWorker(worker);
    worker.start();
    return worker;
  }

  /** Joins a worker; after an abort, gives up on one that will not stop. */
  private void await(Thread worker, int index, ToolCall call, ToolExecution[] results) {
    long abandonAt = Long.MAX_VALUE;
    while (worker.isAlive()) {
      try {
        worker.join(Duration.ofMillis(100));
      } catch (InterruptedException e) {
        core.signalAbort();
        Thread.currentThread().interrupt();
        break;
      }
      if (core.aborted() && abandonAt == Long.MAX_VALUE) {
        abandonAt = System.nanoTime() + ABANDON_AFTER.toNanos();
      }
      if (System.nanoTime() > abandonAt) {
        break;
      }
    }
    if (results[index] == null) {
      String message = "Tool error (" + call.name() + "): the session was aborted before the tool finished";
      results[index] = new ToolExecution(call, ToolResult.error(call.id(), message), message, Optional.empty(), Duration.ZERO);
    }
  }

  /** Tool call events (§2.9): start with arguments, streamed output, end with the full output. */
  private final class EventObserver implements ToolCallObserver {
    @Override
    public void started(ToolCall call) {
      core.emit(new AgentEvent.ToolCallStart(core.id(), core.now(), call.id(), call.name(), call.arguments()));
    }

    @Override
    public void outputDelta(ToolCall call, String delta) {
      core.emit(new AgentEvent.ToolCallOutputDelta(core.id(), core.now(), call.id(), delta));
    }

    @Override
    public void finished(ToolExecution execution) {
      core.emit(new AgentEvent.ToolCallEnd(core.id(), core.now(), execution.call().id(), execution.call().name(),
          execution.fullOutput(), execution.isError(), execution.duration()));
    }
  }
}
