package dev.darkfactory.server.run;

import dev.darkfactory.pipeline.LoadedPipeline;
import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.graph.Attribute;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.human.Question;
import dev.darkfactory.pipeline.problem.PipelineException;
import dev.darkfactory.pipeline.source.SourceText;
import dev.darkfactory.pipeline.state.DirectoryRunStore;
import dev.darkfactory.pipeline.report.RunProjection;
import dev.darkfactory.pipeline.state.JsonValues;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.pipeline.state.StopReason;
import dev.darkfactory.server.ServerEvent;
import dev.darkfactory.server.ServerException;
import dev.darkfactory.server.ServerListener;
import dev.darkfactory.server.dto.AnswerRequest;
import dev.darkfactory.server.dto.QuestionDto;
import dev.darkfactory.server.dto.RunDetail;
import dev.darkfactory.server.dto.RunSummary;
import dev.darkfactory.server.sse.EventHub;
import dev.darkfactory.server.sse.Subscription;
import dev.darkfactory.server.store.IndexedRun;
import dev.darkfactory.server.store.RunIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Owns the runs of one server: starts each on its own virtual thread through the {@link
 * PipelineExecutor}, keeps the index in step, answers questions, cancels and resumes, and on
 * startup recovers the runs that were in flight when the server last stopped.
 */
public final class RunManager implements AutoCloseable {
  private final DirectoryRunStore store;
  private final RunIndex index;
  private final PipelineExecutor executor;
  private final PipelineLoader loader = PipelineLoader.create();
  private final ServerListener listener;
  private final Clock clock;
  private final int queueCapacity;
  private final RunIds ids = new RunIds();
  private final Map<String, LiveRun> live = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> done = new ConcurrentHashMap<>();
  private volatile boolean shuttingDown;

  public RunManager(Path runsDir, RunIndex index, PipelineExecutor executor, ServerListener listener, Clock clock, int queueCapacity) {
    this.store = new DirectoryRunStore(runsDir);
    this.index = index;
    this.executor = executor;
    this.listener = listener;
    this.clock = clock;
    this.queueCapacity = queueCapacity;
  }

  /** Parses, transforms and validates DOT source (attractor-spec.md 7.3) without running it. */
  public LoadedPipeline load(String dot) {
    return loader.load(new SourceText("pipeline.dot", dot));
  }

  /**
   * As {@link #load(String)}, with the graph's {@code goal} replaced before the transforms run, so
   * {@code $goal} in prompts expands to the submitted goal.
   */
  public LoadedPipeline load(String dot, Optional<String> goal) {
    if (goal.isEmpty()) {
      return load(dot);
    }
    SourceText source = new SourceText("pipeline.dot", dot);
    Graph parsed = DotParser.parse(source);
    parsed = parsed.withAttributes(parsed.attributes().with(Attribute.of("goal", goal.get())));
    Graph transformed = loader.transforms().apply(parsed);
    return new LoadedPipeline(source, parsed, transformed, loader.linter().validate(transformed));
  }

  public List<String> backends() {
    return executor.backends();
  }

  /** Starts a validated pipeline; returns the new run's ID. */
  public String submit(LoadedPipeline pipeline, String source, RunOptions options) {
    Instant now = clock.instant();
    String id = ids.next(now);
    RunDirectory directory = store.create(id);
    RunFiles.writeSubmission(directory, source, options);
    Graph graph = pipeline.graph();
    String goal = options.goal().orElse(graph.goal());
    index.save(new IndexedRun(id, graph.name(), goal, IndexedRun.RUNNING, now, Optional.empty(), options.startedBy(),
        options.backend(), Optional.empty(), Optional.empty(), Optional.empty()));
    start(new LiveRun(id, graph, directory, options, clock, queueCapacity), false);
    return id;
  }

  /** Continues a stopped or interrupted run from its checkpoint. */
  public void resume(String id) {
    IndexedRun run = indexed(id);
    if (live.containsKey(id)) {
      throw new ServerException.Conflict("run " + id + " is already running");
    }
    if (!run.resumable()) {
      throw new ServerException.Conflict("run " + id + " is " + run.status() + "; only stopped or interrupted runs can be resumed");
    }
    RunDirectory directory = directory(id);
    if (!executor.canResume(directory)) {
      throw new ServerException.Conflict("run " + id + " has no checkpoint to resume from");
    }
    LiveRun liveRun = reload(id, directory);
    synchronized (this) {
      if (live.containsKey(id)) {
        throw new ServerException.Conflict("run " + id + " is already running");
      }
      index.save(run.withStatus(IndexedRun.RUNNING, clock.instant(), Optional.empty()));
      start(liveRun, true);
    }
  }

  private LiveRun reload(String id, RunDirectory directory) {
    String source = RunFiles.readSource(directory);
    try {
      RunOptions options = RunFiles.readOptions(directory);
      return new LiveRun(id, load(source, options.goal()).requireValid(), directory, options, clock, queueCapacity);
    } catch (PipelineException e) {
      throw new ServerException.Conflict("run " + id + " cannot be resumed: its pipeline no longer loads: " + e.getMessage());
    }
  }

  private void start(LiveRun run, boolean resume) {
    live.put(run.id(), run);
    CountDownLatch finished = new CountDownLatch(1);
    done.put(run.id(), finished);
    Thread.ofVirtual().name("run-" + run.id()).start(() -> {
      RunResult result;
      try {
        result = executor.execute(run.execution(resume));
      } catch (RuntimeException e) {
        result = RunResult.fail("the engine failed: " + e.getMessage());
      }
      finish(run, result);
      finished.countDown();
      done.remove(run.id(), finished);
    });
  }

  private void finish(LiveRun run, RunResult result) {
    // Before the final status is saved: a reader that sees "stopped" while the run is still being closed must not
    // take the run for a live one (it would be shown as not resumable).
    run.markEnded();
    try {
      if (!(shuttingDown && result.status().equals(IndexedRun.STOPPED))) {
        Optional<IndexedRun> row = index.find(run.id());
        Optional<dev.darkfactory.server.dto.UsageDto> usage = run.projection().usage().map(ProgressDtos::usage);
        row.ifPresent(r -> index.save(r.withStatus(result.status(), clock.instant(), result.message())
            .withUsage(usage.map(u -> u.totalTokens()), usage.flatMap(u -> u.costUsd()))));
      }
      // Left "running" in the index on shutdown: the next start resumes it.
    } finally {
      run.finish();
      live.remove(run.id());
      listener.onEvent(new ServerEvent.RunFinished(run.id(), result.status()));
    }
  }

  /** Asks a live run to stop; it checkpoints and ends as {@code stopped}, resumable. */
  public void cancel(String id) {
    IndexedRun run = indexed(id);
    LiveRun liveRun = live.get(id);
    if (liveRun == null) {
      throw new ServerException.Conflict("run " + id + " is " + run.status() + ", not running");
    }
    liveRun.stop(StopReason.cancelled("cancelled from the server"));
  }

  /** Waits for a run's thread to end (tests, shutdown). */
  public boolean awaitFinished(String id, Duration timeout) throws InterruptedException {
    CountDownLatch latch = done.get(id);
    return latch == null || latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public List<RunSummary> list(Optional<String> status, int limit) {
    return index.list(status, limit).stream().map(this::summary).toList();
  }

  public RunSummary summary(String id) {
    return summary(indexed(id));
  }

  public RunDetail detail(String id) {
    IndexedRun run = indexed(id);
    RunProjection projection = projection(id);
    return new RunDetail(summary(run, projection), projection.stages().stream().map(ProgressDtos::stage).toList(), projection.nodeStatus(), projection.currentNode(),
        projection.decisions(), questions(id), projection.eventCount());
  }

  /** Node statuses for colouring the graph. */
  public Map<String, String> nodeStatus(String id) {
    indexed(id);
    return projection(id).nodeStatus();
  }

  private RunProjection projection(String id) {
    LiveRun liveRun = live.get(id);
    if (liveRun != null) {
      return liveRun.projection();
    }
    RunProjection projection = new RunProjection();
    RunFiles.readEvents(directory(id)).forEach(line -> projection.apply(JsonValues.parse(line)));
    return projection;
  }

  private RunSummary summary(IndexedRun run) {
    LiveRun liveRun = live.get(run.id());
    return summary(run, liveRun == null ? null : liveRun.projection());
  }

  private RunSummary summary(IndexedRun run, RunProjection projection) {
    LiveRun liveRun = live.get(run.id());
    Instant end = run.finishedAt().orElse(clock.instant());
    Optional<dev.darkfactory.server.dto.UsageDto> usage = projection != null ? projection.usage().map(ProgressDtos::usage)
        : run.tokens().map(t -> new dev.darkfactory.server.dto.UsageDto(0, 0, t, run.costUsd()));
    int pending = liveRun == null ? 0 : liveRun.interviewer().pending().size();
    return new RunSummary(run.id(), run.name(), run.goal(), run.status(), run.startedAt(), run.finishedAt(),
        Math.max(0, Duration.between(run.startedAt(), end).toMillis()), run.startedBy(), run.backend(), usage, pending,
        run.error(), run.resumable() && (liveRun == null || liveRun.ended()));
  }

  public Graph graph(String id) {
    indexed(id);
    LiveRun liveRun = live.get(id);
    if (liveRun != null) {
      return liveRun.graph();
    }
    try {
      RunDirectory directory = directory(id);
      return load(RunFiles.readSource(directory), RunFiles.readOptions(directory).goal()).graph();
    } catch (PipelineException e) {
      throw new ServerException.StorageFailed("the pipeline of run " + id + " no longer loads: " + e.getMessage(), e);
    }
  }

  /** The run's directory; the ID has been checked against the ID pattern by then. */
  public RunDirectory directory(String id) {
    RunIds.requireRunId(id);
    return store.open(id).orElseThrow(() -> new ServerException.NotFound("run " + id + " has no directory in the data directory"));
  }

  public List<QuestionDto> questions(String id) {
    indexed(id);
    LiveRun liveRun = live.get(id);
    return liveRun == null ? List.of() : liveRun.interviewer().pending().stream().map(p -> question(id, p)).toList();
  }

  /** Every question waiting in any run, oldest first. */
  public List<QuestionDto> allQuestions() {
    List<QuestionDto> all = new ArrayList<>();
    live.values().forEach(run -> run.interviewer().pending().forEach(p -> all.add(question(run.id(), p))));
    all.sort(java.util.Comparator.comparing(QuestionDto::askedAt));
    return all;
  }

  public void answer(String id, String questionId, AnswerRequest request) {
    IndexedRun run = indexed(id);
    LiveRun liveRun = live.get(id);
    if (liveRun == null) {
      throw new ServerException.Conflict("run " + id + " is " + run.status() + "; it has no open questions");
    }
    liveRun.interviewer().answer(questionId, request);
  }

  private static QuestionDto question(String runId, WebInterviewer.Pending pending) {
    Question q = pending.question();
    return new QuestionDto(q.id(), runId, q.stage(), q.text(), q.type().name(),
        q.options().stream().map(o -> new QuestionDto.OptionDto(o.key(), o.label())).toList(),
        q.timeout().map(Duration::toMillis), q.defaultAnswer().map(a -> a.describe()), pending.askedAt());
  }

  /** A subscription to a run's events after {@code lastEventId}: live, or the stored log replayed then ended. */
  public Subscription subscribe(String id, long lastEventId) {
    indexed(id);
    LiveRun liveRun = live.get(id);
    if (liveRun != null) {
      return liveRun.hub().subscribe(lastEventId);
    }
    EventHub stored = new EventHub(RunFiles.readEvents(directory(id)), 1);
    stored.close();
    return stored.subscribe(lastEventId);
  }

  public void unsubscribe(String id, Subscription subscription) {
    LiveRun liveRun = live.get(id);
    if (liveRun != null) {
      liveRun.hub().unsubscribe(subscription);
    }
  }

  /**
   * Startup: every run the index still calls running was in flight when the server stopped. Resume
   * it from its checkpoint, or mark it interrupted (resumable by hand) when that is not possible.
   */
  public void recover(boolean resume) {
    for (IndexedRun run : index.list(Optional.of(IndexedRun.RUNNING), Integer.MAX_VALUE)) {
      Optional<RunDirectory> directory = store.open(run.id());
      String why;
      if (directory.isEmpty()) {
        why = "its run directory is missing";
      } else if (!resume) {
        why = "the server was started with resume on start disabled";
      } else if (!executor.canResume(directory.get())) {
        why = "it has no checkpoint yet";
      } else {
        try {
          LiveRun liveRun = reload(run.id(), directory.get());
          start(liveRun, true);
          listener.onEvent(new ServerEvent.RunRecovered(run.id(), true, "resumed from its checkpoint"));
          continue;
        } catch (ServerException e) {
          why = e.getMessage();
        }
      }
      index.save(run.withStatus(IndexedRun.INTERRUPTED, clock.instant(), Optional.of("interrupted by a server restart; " + why)));
      listener.onEvent(new ServerEvent.RunRecovered(run.id(), false, "marked interrupted: " + why));
    }
  }

  public int liveCount() {
    return live.size();
  }

  private IndexedRun indexed(String id) {
    RunIds.requireRunId(id);
    return index.find(id).orElseThrow(() -> new ServerException.NotFound("no run " + id));
  }

  /**
   * Stops every live run with a resumable interrupt and waits up to {@code grace} for them to
   * checkpoint. Their index rows stay {@code running}, so the next start resumes them.
   */
  public int shutdown(Duration grace) {
    shuttingDown = true;
    List<LiveRun> running = List.copyOf(live.values());
    running.forEach(run -> run.stop(StopReason.interrupted()));
    Instant deadline = clock.instant().plus(grace);
    for (LiveRun run : running) {
      try {
        awaitFinished(run.id(), Duration.between(clock.instant(), deadline).isNegative() ? Duration.ZERO : Duration.between(clock.instant(), deadline));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return running.size();
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(5));
  }
}
