package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.backend.CodergenBackend;
import dev.darkfactory.pipeline.backend.ScriptedBackend;
import dev.darkfactory.pipeline.backend.SimulationBackend;
import dev.darkfactory.pipeline.event.PipelineEvent;
import dev.darkfactory.pipeline.event.RecordingListener;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.handler.Handler;
import dev.darkfactory.pipeline.handler.HandlerRegistry;
import dev.darkfactory.pipeline.handler.ToolSettings;
import dev.darkfactory.pipeline.human.Interviewer;
import dev.darkfactory.pipeline.human.UnavailableInterviewer;
import dev.darkfactory.pipeline.source.SourceText;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.Outcome;
import dev.darkfactory.pipeline.state.RunDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs a DOT string through the real loader and engine and keeps what happened: the result, every
 * event, the run directory. Time never passes in backoff (a recording sleeper), jitter is seeded.
 */
final class PipelineTestKit {
  private final String dot;
  private final Path logsRoot;
  private CodergenBackend backend = new SimulationBackend();
  private Interviewer interviewer = new UnavailableInterviewer("tests answer through a queue");
  private final Map<String, Handler> custom = new LinkedHashMap<>();
  private RunLimits limits = RunLimits.defaults();
  private RunThreads runThreads = RunThreads.VIRTUAL;
  private final Map<String, Object> context = new LinkedHashMap<>();
  private ToolSettings tools = new ToolSettings(Duration.ofSeconds(30), Duration.ofMillis(200), 64 * 1024);
  private Clock clock = Clock.systemUTC();
  private Path workdir;
  final RecordingSleeper sleeper = new RecordingSleeper();

  private PipelineTestKit(String dot, Path logsRoot) {
    this.dot = dot;
    this.logsRoot = logsRoot;
    this.workdir = logsRoot.getParent();
  }

  static PipelineTestKit of(String dot, Path tempDir) {
    return new PipelineTestKit(dot, tempDir.resolve("run"));
  }

  PipelineTestKit backend(CodergenBackend value) {
    this.backend = value;
    return this;
  }

  /** Scripted outcomes per node, as {@code --scripted} would give them. */
  PipelineTestKit script(Map<String, List<Outcome>> script) {
    this.backend = new ScriptedBackend(script, "test script");
    return this;
  }

  PipelineTestKit interviewer(Interviewer value) {
    this.interviewer = value;
    return this;
  }

  PipelineTestKit handler(String type, Handler handler) {
    custom.put(type, handler);
    return this;
  }

  PipelineTestKit runThreads(RunThreads value) {
    this.runThreads = value;
    return this;
  }

  PipelineTestKit limits(RunLimits value) {
    this.limits = value;
    return this;
  }

  PipelineTestKit context(String key, Object value) {
    context.put(key, value);
    return this;
  }

  PipelineTestKit tools(ToolSettings value) {
    this.tools = value;
    return this;
  }

  PipelineTestKit clock(Clock value) {
    this.clock = value;
    return this;
  }

  PipelineTestKit workdir(Path value) {
    this.workdir = value;
    return this;
  }

  HandlerRegistry registry() {
    HandlerRegistry registry = HandlerRegistry.standard(backend, interviewer, tools);
    for (Map.Entry<String, Handler> e : custom.entrySet()) {
      registry = registry.with(e.getKey(), e.getValue());
    }
    return registry;
  }

  Graph graph() {
    return PipelineLoader.create().withHandlerTypes(registry().types()).load(new SourceText("test.dot", dot)).requireValid();
  }

  PipelineEngine engine(dev.darkfactory.pipeline.event.PipelineListener events) {
    return PipelineEngine.builder().handlers(registry()).listener(events).sleeper(sleeper).random(new Random(42)).limits(limits).clock(clock).runThreads(runThreads).build();
  }

  RunOptions options() {
    return RunOptions.in(logsRoot).withContext(context).withWorkdir(workdir);
  }

  /** Runs to the end. */
  Run run() {
    RecordingListener events = new RecordingListener();
    Graph graph = graph();
    RunResult result = engine(events).run(graph, options());
    return new Run(result, events, RunDirectory.at(logsRoot), graph);
  }

  /** Resumes the run in this kit's logs root. */
  Run resume() {
    RecordingListener events = new RecordingListener();
    Graph graph = graph();
    RunResult result = engine(events).resume(graph, RunDirectory.at(logsRoot), options()).await();
    return new Run(result, events, RunDirectory.at(logsRoot), graph);
  }

  Path logsRoot() {
    return logsRoot;
  }

  /** A finished run. */
  record Run(RunResult result, RecordingListener events, RunDirectory dir, Graph graph) {
    List<String> completed() {
      return result.completedNodes();
    }

    <T extends PipelineEvent> List<T> events(Class<T> type) {
      return events.ofType(type);
    }

    Checkpoint checkpoint() {
      return dir.checkpoints().load().orElseThrow();
    }

    Object context(String key) {
      return result.context().get(key);
    }
  }
}
