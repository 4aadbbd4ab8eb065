package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.backend.SimulationBackend;
import dev.darkfactory.pipeline.event.PipelineListener;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.graph.Node;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.human.UnavailableInterviewer;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.ResumeException;
import dev.darkfactory.pipeline.problem.RunDirectoryUnusableException;
import dev.darkfactory.pipeline.problem.RunStorageException;
import dev.darkfactory.pipeline.problem.ValidationException;
import dev.darkfactory.pipeline.state.Cancellation;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.Manifest;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.pipeline.state.RunStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The pipeline execution engine (attractor-spec.md section 3): runs validated graphs, each on a
 * thread of its own, and resumes them from their checkpoints.
 *
 * <pre>{@code
 * PipelineEngine engine = PipelineEngine.builder()
 *     .handlers(HandlerRegistry.standard(backend, interviewer))
 *     .listener(event -> ...)
 *     .build();
 * RunHandle run = engine.start(graph, RunOptions.in(Path.of(".factory/runs/r1")));
 * RunResult result = run.await();          // or run.cancel(StopReason.cancelled("user"))
 * engine.resume(graph, RunDirectory.at(path), RunOptions.in(path));
 * }</pre>
 *
 * <p>Immutable and thread-safe; one engine runs any number of runs at once. It prints nothing:
 * everything it does is published to the listeners as {@code PipelineEvent}s and written to each
 * run's {@code events.jsonl}.
 */
public final class PipelineEngine {
  private final HandlerRegistry handlers;
  private final List<PipelineListener> listeners;
  private final EngineServices services;
  private final GraphLoader loader;
  private final RunThreads runThreads;

  private PipelineEngine(Builder builder) {
    this.handlers = builder.handlers;
    this.listeners = List.copyOf(builder.listeners);
    this.services = new EngineServices(builder.clock, builder.sleeper, builder.random, builder.limits, builder.retryPredicate);
    this.loader = builder.loader != null ? builder.loader : validatingLoader(handlers);
    this.runThreads = builder.runThreads;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a new run of {@code graph} in {@code options.logsRoot()}.
   *
   * @throws ResumeException when the logs root already holds a run (resume it, or pick another directory)
   * @throws ValidationException when the graph has no start node
   */
  public RunHandle start(Graph graph, RunOptions options) {
    Node start = graph.startNode().orElseThrow(() -> new ValidationException(List.of(Diagnostic.error("start_node",
        "pipeline " + graph.name() + " has no start node: add one with shape=Mdiamond").build())));
    RunDirectory dir = RunDirectory.at(options.logsRoot());
    Optional<Checkpoint> existing = usable(() -> {
      dir.create();
      return dir.checkpoints().load();
    });
    if (existing.isPresent()) {
      throw new ResumeException("the logs root " + dir + " already holds run " + existing.get().runId() + " (" + existing.get().status()
          + "): resume it with 'factory resume " + dir + "', or choose another --logs-root");
    }
    Optional<Manifest> started = usable(dir::readManifest);
    if (started.isPresent()) {
      throw new ResumeException("the logs root " + dir + " already holds run " + started.get().runId() + ", which has no checkpoint yet"
          + " (its process ended before the first node, or is starting it now): resume it with 'factory resume " + dir
          + "' (it runs from the start, since nothing completed), or choose another --logs-root");
    }
    String runId = options.runId().orElseGet(() -> RunIds.next(services.clock().instant(), services.random()));
    Cancellation cancellation = Cancellation.create();
    RunDriver driver = new RunDriver(this, graph, options, cancellation);
    return launch(runId, dir, cancellation, () -> driver.startNew(runId, start.id()));
  }

  /** {@link #start} and wait for the result. */
  public RunResult run(Graph graph, RunOptions options) {
    return start(graph, options).await();
  }

  /**
   * Continues the run whose checkpoint is in {@code dir} (5.3): after the last completed node,
   * with its context, retry counters and visit counts. Follows a {@code loop_restart} chain to its
   * latest run. A directory with the run's {@code manifest.json} but no checkpoint yet (its process
   * ended between the two, before any node ran) is resumed from the start node, as the same run:
   * nothing had completed, so nothing is replayed.
   *
   * @throws ResumeException when there is no run there (neither checkpoint nor manifest), it was
   *     started with a different graph (the fingerprints differ), it belongs to a run other than
   *     {@code options.runId()}, or the run has already finished
   */
  public RunHandle resume(Graph graph, RunDirectory dir, RunOptions options) {
    Resumable resumable = Resumable.find(dir, graph, options.runId());
    Cancellation cancellation = Cancellation.create();
    RunDriver driver = new RunDriver(this, graph, options, cancellation);
    if (resumable.checkpoint().isEmpty()) {
      String start = graph.startNode().orElseThrow(() -> new ValidationException(List.of(Diagnostic.error("start_node",
          "pipeline " + graph.name() + " has no start node: add one with shape=Mdiamond").build()))).id();
      return launch(resumable.runId(), dir, cancellation, () -> driver.resumeFromStart(resumable.runId(), start));
    }
    Checkpoint checkpoint = resumable.checkpoint().get();
    return launch(resumable.runId(), dir, cancellation, () -> driver.resume(resumable.dir(), checkpoint, resumable.restarts()));
  }

  private RunHandle launch(String runId, RunDirectory dir, Cancellation cancellation, java.util.function.Supplier<RunResult> body) {
    CompletableFuture<RunResult> result = new CompletableFuture<>();
    runThreads.builder().name("run-" + runId).start(() -> {
      try {
        result.complete(body.get());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
    return new RunHandle(runId, dir.root(), cancellation, result);
  }

  public HandlerRegistry handlers() {
    return handlers;
  }

  /** How child pipelines are loaded (and validated). */
  public GraphLoader loader() {
    return loader;
  }

  List<PipelineListener> listeners() {
    return listeners;
  }

  EngineServices services() {
    return services;
  }

  /** Parse, built-in transforms, lint against the registered handler types; errors refuse the file. */
  private static GraphLoader validatingLoader(HandlerRegistry handlers) {
    PipelineLoader pipelines = PipelineLoader.create().withHandlerTypes(handlers.types());
    return file -> pipelines.load(file).requireValid();
  }

  /** Builds an engine. Every setting has a default: the simulation backend, no human, real time. */
  public static final class Builder {
    private HandlerRegistry handlers = HandlerRegistry.standard(new SimulationBackend(),
        new UnavailableInterviewer("no interviewer is configured"));
    private final List<PipelineListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.real();
    private RandomGenerator random = RandomGenerator.getDefault();
    private RunLimits limits = RunLimits.defaults();
    private Predicate<Throwable> retryPredicate = new TransientFailures();
    private GraphLoader loader;
    private RunThreads runThreads = RunThreads.VIRTUAL;

    private Builder() {}

    public Builder handlers(HandlerRegistry registry) {
      this.handlers = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Adds a listener that receives the events of every run (and of child runs). */
    public Builder listener(PipelineListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Builder sleeper(Sleeper value) {
      this.sleeper = Objects.requireNonNull(value, "sleeper");
      return this;
    }

    /** The source of backoff jitter and run ID suffixes; seed it for reproducible tests. */
    public Builder random(RandomGenerator value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    public Builder limits(RunLimits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /** Which handler exceptions are transient and retried (3.6); {@link TransientFailures} by default. */
    public Builder retryPredicate(Predicate<Throwable> value) {
      this.retryPredicate = Objects.requireNonNull(value, "retryPredicate");
      return this;
    }

    public Builder graphLoader(GraphLoader value) {
      this.loader = Objects.requireNonNull(value, "loader");
      return this;
    }

    /** The thread each run's traversal gets; {@link RunThreads#VIRTUAL} by default. */
    public Builder runThreads(RunThreads value) {
      this.runThreads = Objects.requireNonNull(value, "runThreads");
      return this;
    }

    public PipelineEngine build() {
      return new PipelineEngine(this);
    }
  }

  /** Runs a check of the logs root before anything executes; what fails there is the caller's choice of directory. */
  private static <T> T usable(java.util.function.Supplier<T> check) {
    try {
      return check.get();
    } catch (RunStorageException e) {
      throw new RunDirectoryUnusableException(e.getMessage(), e);
    }
  }

  /**
   * What a resume continues from: the checkpoint found by following restarts, or none when the
   * run's manifest is there but its first checkpoint is not (the run starts again from the start).
   */
  private record Resumable(RunDirectory dir, Optional<Checkpoint> checkpoint, String runId, int restarts) {
    static Resumable find(RunDirectory root, Graph graph, Optional<String> expectedRunId) {
      Optional<Checkpoint> saved = usable(() -> root.checkpoints().load());
      if (saved.isEmpty()) {
        return withoutCheckpoint(root, graph, expectedRunId);
      }
      Checkpoint checkpoint = saved.get();
      if (expectedRunId.isPresent() && !expectedRunId.get().equals(checkpoint.runId())) {
        throw new ResumeException("the logs root " + root + " belongs to run " + checkpoint.runId() + ", not " + expectedRunId.get());
      }
      RunDirectory dir = root;
      int restarts = 0;
      while (checkpoint.status() == RunStatus.RESTARTED && checkpoint.restartedInto().isPresent()) {
        dir = RunDirectory.at(root.root().resolve(checkpoint.restartedInto().get()));
        restarts++;
        RunDirectory current = dir;
        checkpoint = usable(() -> current.checkpoints().load()).orElseThrow(() -> new ResumeException(
            "run " + root + " restarted into " + current + ", which has no checkpoint"));
      }
      String fingerprint = GraphFingerprint.of(graph);
      if (!checkpoint.graphFingerprint().equals(fingerprint)) {
        throw new ResumeException("cannot resume run " + checkpoint.runId() + ": the pipeline changed since the run started"
            + " (checkpoint fingerprint " + checkpoint.graphFingerprint() + ", this pipeline " + fingerprint + "). Resume needs the"
            + " pipeline the run started with (a copy is in " + dir.graphFile() + "), or start a new run.");
      }
      if (checkpoint.status().isFinished()) {
        throw new ResumeException("run " + checkpoint.runId() + " already finished (" + checkpoint.status() + ") at node '"
            + checkpoint.currentNode() + "': there is nothing to resume; start a new run");
      }
      if (checkpoint.next().isEmpty()) {
        throw new ResumeException("the checkpoint of run " + checkpoint.runId() + " in " + dir + " does not say where to continue");
      }
      return new Resumable(dir, Optional.of(checkpoint), checkpoint.runId(), restarts);
    }

    /** A run killed after writing its manifest and before its first checkpoint: nothing ran, so it starts again. */
    private static Resumable withoutCheckpoint(RunDirectory root, Graph graph, Optional<String> expectedRunId) {
      Manifest manifest = usable(root::readManifest).orElseThrow(() -> new ResumeException(
          "there is no run in " + root + " (no checkpoint.json, no manifest.json): nothing to resume there (is it the --logs-root of a run?)"));
      if (expectedRunId.isPresent() && !expectedRunId.get().equals(manifest.runId())) {
        throw new ResumeException("the logs root " + root + " belongs to run " + manifest.runId() + ", not " + expectedRunId.get());
      }
      String fingerprint = GraphFingerprint.of(graph);
      if (!manifest.graphFingerprint().equals(fingerprint)) {
        throw new ResumeException("cannot resume run " + manifest.runId() + ": the pipeline changed since the run started"
            + " (manifest fingerprint " + manifest.graphFingerprint() + ", this pipeline " + fingerprint + "). Resume needs the"
            + " pipeline the run started with (a copy is in " + root.graphFile() + "), or start a new run.");
      }
      if (manifest.status().isFinished()) {
        throw new ResumeException("run " + manifest.runId() + " already finished (" + manifest.status() + "), though its checkpoint is"
            + " missing: there is nothing to resume; start a new run");
      }
      return new Resumable(root, Optional.empty(), manifest.runId(), 0);
    }
  }
}
