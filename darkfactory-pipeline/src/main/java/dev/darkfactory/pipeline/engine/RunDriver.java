package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.dot.DotWriter;
import dev.darkfactory.pipeline.event.EventDispatcher;
import dev.darkfactory.pipeline.event.EventLog;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.event.PipelineListener;
import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.AttributeScope;
import dev.darkfactory.pipeline.graph.AttributeValue;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.KnownAttributes;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.Context;
import dev.darkfactory.pipeline.state.ContextKeys;
import dev.darkfactory.pipeline.state.Manifest;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.pipeline.state.RunStatus;
import dev.darkfactory.pipeline.state.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Carries one run through its lifecycle (attractor-spec.md 3.1 phases 4-6): initialise the run
 * directory, context and first checkpoint (or restore them on resume), execute the traversal, and
 * finalise: final checkpoint, manifest, completion events, closed files. Follows {@code
 * loop_restart} edges into fresh directories ({@code {logs_root}/restart-N}) with fresh contexts.
 */
final class RunDriver {
  private final PipelineEngine engine;
  private final Graph graph;
  private final RunOptions options;
  private final Cancellation cancellation;
  private final RunDirectory root;
  private final Instant started;
  private final Optional<ActiveRun.WallClock> wallClock;

  RunDriver(PipelineEngine engine, Graph graph, RunOptions options, Cancellation cancellation) {
    this.engine = engine;
    this.graph = graph;
    this.options = options;
    this.cancellation = cancellation;
    this.root = RunDirectory.at(options.logsRoot());
    this.started = engine.services().clock().instant();
    this.wallClock = graph.timeout().or(() -> engine.services().limits().runTimeout())
        .map(limit -> new ActiveRun.WallClock(limit, started.plus(limit)));
  }

  /** How a segment of a run begins. */
  private enum Entry {
    /** A new run, or the fresh directory a {@code loop_restart} continues in. */
    NEW,
    /** A run continued from its checkpoint. */
    FROM_CHECKPOINT,
    /** A run resumed that has its manifest but no checkpoint yet: it starts again from the start node, as the same run. */
    FROM_START
  }

  /** A new run from the start node. */
  RunResult startNew(String runId, String startNode) {
    return drive(root, runId, TraversalState.start(initialContext(), startNode), Entry.NEW, Map.of(), 0, 0);
  }

  /** A run continued from {@code checkpoint}, found in {@code dir} after {@code restarts} restarts. */
  RunResult resume(RunDirectory dir, Checkpoint checkpoint, int restarts) {
    TraversalState state = TraversalState.resume(checkpoint);
    state.context().applyUpdates(options.context());
    return drive(dir, checkpoint.runId(), state, Entry.FROM_CHECKPOINT, checkpoint.nodeExecutions(), checkpoint.stageCount(), restarts);
  }

  /** A run whose process ended after writing its manifest and before its first checkpoint: nothing completed, so it runs from the start. */
  RunResult resumeFromStart(String runId, String startNode) {
    return drive(root, runId, TraversalState.start(initialContext(), startNode), Entry.FROM_START, Map.of(), 0, 0);
  }

  private RunResult drive(RunDirectory dir, String runId, TraversalState state, Entry entry, Map<String, Integer> executions,
      int stages, int restarts) {
    CountDownLatch finished = new CountDownLatch(1);
    String firstRunId = runId;
    wallClock.ifPresent(limit -> Thread.ofVirtual().name("run-timeout-" + firstRunId).start(() -> {
      // Interrupts a stage that outlives the limit; the traversal's own check catches the time between stages.
      if (!awaitQuietly(finished, Duration.between(engine.services().clock().instant(), limit.deadline()))) {
        cancellation.cancel(limit.reason());
      }
    }));
    try {
      while (true) {
        Segment segment = runSegment(dir, runId, state, entry, executions, stages, restarts);
        if (segment.result().isPresent()) {
          return segment.result().get();
        }
        Ending.Restart restart = segment.restart().orElseThrow();
        restarts++;
        dir = RunDirectory.at(root.root().resolve(restart.directory()));
        runId = segment.nextRunId();
        state = TraversalState.start(initialContext(), restart.target());
        entry = Entry.NEW;
        // Execution counts span the restart chain, so a scripted backend's n-th answer means the same across restarts.
        executions = segment.executions();
        stages = 0;
      }
    } finally {
      finished.countDown();
    }
  }

  /** One run of a restart chain: its result, or the restart that continues it. */
  private record Segment(Optional<RunResult> result, Optional<Ending.Restart> restart, String nextRunId, Map<String, Integer> executions) {}

  private Segment runSegment(RunDirectory dir, String runId, TraversalState state, Entry entry, Map<String, Integer> executions,
      int stages, int restarts) {
    dir.create();
    boolean resumed = entry != Entry.NEW;
    Manifest manifest = resumed
        ? dir.readManifest().orElseGet(() -> newManifest(runId)).finished(RunStatus.RUNNING, now())
        : newManifest(runId);
    if (entry == Entry.NEW || entry == Entry.FROM_START && !java.nio.file.Files.isRegularFile(dir.graphFile())) {
      dir.write(dir.graphFile(), DotWriter.write(graph));
    }
    dir.writeManifest(manifest);
    try (EventLog log = EventLog.open(dir.eventsFile())) {
      List<PipelineListener> listeners = new ArrayList<>(engine.listeners());
      listeners.addAll(options.listeners());
      listeners.add(log);
      ActiveRun run = new ActiveRun(runId, graph, engine.handlers(), dir, options.workdir(), engine.services(), new EventDispatcher(listeners),
          cancellation, new InProcessChildren(engine, runId), wallClock, executions, stages);
      int bound = graph.maxRestarts().orElse(engine.services().limits().maxRestarts());
      Optional<String> restartDir = restarts < bound ? Optional.of("restart-" + (restarts + 1)) : Optional.empty();
      Traversal traversal = new Traversal(run, state, new Scope("", run.sink(""), cancellation, dir.checkpoints()), restartDir);
      if (entry != Entry.FROM_CHECKPOINT) {
        traversal.saveProgress();
      }
      run.publish(new PipelineEvent.PipelineStarted(runId, now(), graph.name(), graph.goal(), dir.root().toString(), resumed, options.parentRunId()));
      Ending ending = traversal.run();
      if (ending instanceof Ending.Restart restart) {
        String next = RunIds.next(now(), engine.services().random());
        dir.writeManifest(manifest.finished(RunStatus.RESTARTED, now()));
        run.publish(new PipelineEvent.PipelineRestarted(runId, now(), next, restart.target(), root.root().resolve(restart.directory()).toString()));
        return new Segment(Optional.empty(), Optional.of(restart), next, run.executions());
      }
      RunResult result = result(run, state, ending);
      dir.writeManifest(manifest.finished(result.status(), now()));
      run.publish(finalEvent(result, ending, run.artifacts.size()));
      return new Segment(Optional.of(result), Optional.empty(), "", Map.of());
    }
  }

  private RunResult result(ActiveRun run, TraversalState state, Ending ending) {
    Outcome outcome = switch (ending) {
      case Ending.Finished f -> f.outcome();
      case Ending.Failed f -> Outcome.fail(f.reason());
      case Ending.Stopped s when s.reason().resumable() -> Outcome.fail("stopped at node '" + s.atNode() + "': " + s.reason().message());
      case Ending.Stopped s -> Outcome.fail(s.reason().message() + " at node '" + s.atNode() + "'");
      case Ending.Joined j -> throw new IllegalStateException("only branches join");
      case Ending.Restart r -> throw new IllegalStateException("restarts are followed, not returned");
    };
    List<String> failedStages = FailedStages.of(state);
    RunStatus status = ending instanceof Ending.Stopped s && s.reason().resumable()
        ? RunStatus.STOPPED
        : outcome.status() == dev.darkfactory.pipeline.state.StageStatus.FAIL ? RunStatus.FAIL
        : failedStages.isEmpty() ? RunStatus.SUCCESS : RunStatus.SUCCESS_WITH_FAILURES;
    Optional<StopReason> stop = ending instanceof Ending.Stopped s ? Optional.of(s.reason()) : Optional.empty();
    Optional<String> failure = status.isSuccess() ? Optional.empty() : Optional.of(outcome.failureReason());
    if (status == RunStatus.SUCCESS && outcome.notes().isEmpty()) {
      outcome = outcome.withNotes("Pipeline completed");
    } else if (status == RunStatus.SUCCESS_WITH_FAILURES) {
      outcome = outcome.withNotes("Pipeline completed, passing over failed stages: " + String.join(", ", failedStages));
    }
    return new RunResult(run.runId, status, outcome, state.completed(), state.outcomes(), failedStages, state.currentNode(), failure, stop,
        state.context().snapshot(), run.dir.root(), Duration.between(started, now()));
  }

  private PipelineEvent finalEvent(RunResult result, Ending ending, int artifacts) {
    return switch (result.status()) {
      case SUCCESS, SUCCESS_WITH_FAILURES -> new PipelineEvent.PipelineCompleted(result.runId(), now(), result.duration(), artifacts,
          result.failedStages());
      case STOPPED -> new PipelineEvent.PipelineStopped(result.runId(), now(), result.stopReason().orElseThrow(), result.duration(),
          ending instanceof Ending.Stopped s ? Optional.of(s.atNode()) : Optional.empty());
      case FAIL, RUNNING, RESTARTED -> new PipelineEvent.PipelineFailed(result.runId(), now(), result.failureReason().orElse("failed"),
          result.duration(), failedAt(ending, result));
    };
  }

  private static Optional<String> failedAt(Ending ending, RunResult result) {
    return switch (ending) {
      case Ending.Failed f -> f.nodeId();
      case Ending.Stopped s -> Optional.of(s.atNode());
      case Ending.Finished f -> result.finalNode().isEmpty() ? Optional.empty() : Optional.of(result.finalNode());
      case Ending.Joined j -> Optional.of(j.nodeId());
      case Ending.Restart r -> Optional.empty();
    };
  }

  /** 3.1 step 4: every graph attribute (except Graphviz drawing ones) as {@code graph.<key>}, then the caller's values. */
  private Context initialContext() {
    Context context = new Context();
    for (Attribute attribute : graph.attributes().all()) {
      if (!KnownAttributes.isPresentation(AttributeScope.GRAPH, attribute.key())) {
        context.set(ContextKeys.GRAPH_PREFIX + attribute.key(), typed(attribute.value()));
      }
    }
    if (!context.has(ContextKeys.GRAPH_GOAL)) {
      context.set(ContextKeys.GRAPH_GOAL, graph.goal());
    }
    context.applyUpdates(options.context());
    return context;
  }

  private static Object typed(AttributeValue value) {
    return switch (value) {
      case AttributeValue.StringValue s -> s.value();
      case AttributeValue.IntegerValue i -> i.value();
      case AttributeValue.FloatValue f -> f.value();
      case AttributeValue.BooleanValue b -> b.value();
      case AttributeValue.DurationValue d -> d.source();
    };
  }

  private Manifest newManifest(String runId) {
    return new Manifest(runId, graph.name(), graph.goal(), GraphFingerprint.of(graph), options.source().map(Object::toString), now(),
        Optional.empty(), RunStatus.RUNNING, options.settings());
  }

  private Instant now() {
    return engine.services().clock().instant();
  }

  private static boolean awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      return latch.await(Math.max(0, timeout.toNanos()), java.util.concurrent.TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      return true;
    }
  }
}
