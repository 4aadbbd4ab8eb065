package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.event.EventSink;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.event.PipelineListener;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.handler.ChildPipelines;
import dev.darkfactory.pipeline.handler.HandlerCapability;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.state.ArtifactStore;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.RunDirectory;
import java.nio.file.Path;
import dev.darkfactory.pipeline.state.StopReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * What the traversals of one run share: the graph and its derived tables, the services the engine
 * was built with, the run's directory, events and stop signal, and the run-wide counters (stage
 * index, executions per node) that parallel branches update concurrently.
 */
final class ActiveRun {
  final String runId;
  final Graph graph;
  final String fingerprint;
  final HandlerRegistry handlers;
  final RunDirectory dir;
  final Path workdir;
  final Clock clock;
  final Sleeper sleeper;
  final RandomGenerator random;
  final RunLimits limits;
  final Predicate<Throwable> retryPredicate;
  final Cancellation cancellation;
  final ChildPipelines children;
  final ArtifactStore artifacts;
  final EdgeSelector edges;
  final Optional<Instant> deadline;
  private final Optional<WallClock> wallClock;
  private final PipelineListener listener;
  final ExecutionCounts executionCounts;
  private final AtomicInteger stageCount;

  ActiveRun(String runId, Graph graph, HandlerRegistry handlers, RunDirectory dir, Path workdir, EngineServices services,
      PipelineListener listener, Cancellation cancellation, ChildPipelines children, Optional<WallClock> wallClock,
      Map<String, Integer> executionsSoFar, int stagesSoFar) {
    this.runId = runId;
    this.graph = graph;
    this.fingerprint = GraphFingerprint.of(graph);
    this.handlers = handlers;
    this.dir = dir;
    this.workdir = workdir;
    this.clock = services.clock();
    this.sleeper = services.sleeper();
    this.random = services.random();
    this.limits = services.limits();
    this.retryPredicate = services.retryPredicate();
    this.listener = listener;
    this.cancellation = cancellation;
    this.children = children;
    this.artifacts = new ArtifactStore(java.util.Optional.of(dir.root()), ArtifactStore.FILE_BACKING_THRESHOLD, clock);
    this.edges = new EdgeSelector(graph);
    this.wallClock = wallClock;
    this.deadline = wallClock.map(WallClock::deadline);
    this.executionCounts = new ExecutionCounts(executionsSoFar);
    this.stageCount = new AtomicInteger(stagesSoFar);
  }

  Instant now() {
    return clock.instant();
  }

  void publish(PipelineEvent event) {
    listener.onEvent(event);
  }

  /** The event sink of a traversal: the top level ({@code branch} empty) or a parallel branch. */
  EventSink sink(String branch) {
    return new EventSink() {
      @Override
      public String runId() {
        return runId;
      }

      @Override
      public String branch() {
        return branch;
      }

      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public void publish(PipelineEvent event) {
        listener.onEvent(event);
      }
    };
  }

  boolean isExit(Node node) {
    return graph.isExit(node);
  }

  boolean has(Node node, HandlerCapability capability) {
    return handlers.has(node, capability);
  }

  int nextStageIndex() {
    return stageCount.incrementAndGet();
  }

  int stageCount() {
    return stageCount.get();
  }

  /** Counts one more handler invocation of {@code nodeId} and returns the new count. */
  int countExecution(String nodeId) {
    return executionCounts.increment(nodeId);
  }

  void uncountExecution(String nodeId) {
    executionCounts.decrement(nodeId);
  }

  /** A copy of the execution counts so far. */
  Map<String, Integer> executions() {
    return executionCounts.snapshot();
  }

  /** Raises the counts to at least those recorded in a branch checkpoint being resumed. */
  void catchUpExecutions(Map<String, Integer> recorded) {
    executionCounts.raiseTo(recorded);
  }

  /** A run's wall-clock limit and the instant it passes (counted from when this process started or resumed the run). */
  record WallClock(Duration limit, Instant deadline) {
    /** Why the run stops when the limit passes (not resumable: the run fails). */
    StopReason reason() {
      return StopReason.timeout("the run exceeded its wall-clock limit (timeout=" + describe(limit) + ")");
    }

    private static String describe(Duration d) {
      if (d.toMillis() % 1000 != 0) {
        return d.toMillis() + "ms";
      }
      return d.toSeconds() % 60 != 0 || d.toSeconds() < 60 ? d.toSeconds() + "s" : d.toMinutes() + "m";
    }
  }

  StopReason timeoutReason() {
    return wallClock.map(WallClock::reason).orElseGet(() -> StopReason.timeout("the run exceeded its wall-clock limit"));
  }

  /** The visit limit of a node: its {@code max_visits}, the graph's, else the engine default. */
  int maxVisits(Node node) {
    return node.maxVisits().orElse(graph.maxVisits().orElse(limits.maxVisits()));
  }
}
