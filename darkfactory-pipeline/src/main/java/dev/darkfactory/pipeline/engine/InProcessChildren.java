package dev.darkfactory.pipeline.engine;

import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.handler.ChildPipelines;
import dev.darkfactory.pipeline.handler.ChildRun;
import dev.darkfactory.pipeline.state.Checkpoint;
import dev.darkfactory.pipeline.state.RunDirectory;
import dev.darkfactory.pipeline.state.StopReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Child pipelines as runs of the same engine in the same process (attractor-spec.md 9.4): loaded
 * and validated like any pipeline, with their own run directory, checkpoints and events (which
 * also reach the engine's listeners, tagged with the child's run ID). A child directory holding an
 * unfinished run (a checkpoint, or only the manifest of one that never got to its first node) is
 * resumed; one holding a finished run is reported as finished, never re-run.
 */
final class InProcessChildren implements ChildPipelines {
  private final PipelineEngine engine;
  private final String parentRunId;

  InProcessChildren(PipelineEngine engine, String parentRunId) {
    this.engine = engine;
    this.parentRunId = parentRunId;
  }

  @Override
  public ChildRun start(Path dotFile, Path logsRoot, Path workdir, Map<String, Object> initialContext) {
    Graph graph = engine.loader().load(dotFile);
    RunDirectory dir = RunDirectory.at(logsRoot);
    Optional<Checkpoint> saved = dir.checkpoints().load();
    if (saved.isPresent() && saved.get().status().isFinished()) {
      return new Finished(saved.get(), dir.root());
    }
    RunOptions options = RunOptions.in(logsRoot).withWorkdir(workdir).withContext(initialContext).withParentRunId(parentRunId).withSource(dotFile);
    // A manifest without a checkpoint is a child that died before its first node: resuming it runs it from the start.
    boolean begun = saved.isPresent() || dir.readManifest().isPresent();
    return new Live(begun ? engine.resume(graph, dir, options) : engine.start(graph, options));
  }

  private record Live(RunHandle handle) implements ChildRun {
    @Override
    public String runId() {
      return handle.runId();
    }

    @Override
    public Path logsRoot() {
      return handle.logsRoot();
    }

    @Override
    public boolean awaitDone(Duration timeout) {
      return handle.future().handle((result, error) -> true).completeOnTimeout(false, timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS).join();
    }

    @Override
    public Optional<ChildRun.Ending> ending() {
      if (!handle.isDone()) {
        return Optional.empty();
      }
      try {
        RunResult result = handle.await();
        return Optional.of(new ChildRun.Ending(result.status(), result.failureReason().orElse("")));
      } catch (RuntimeException e) {
        return Optional.of(new ChildRun.Ending(dev.darkfactory.pipeline.state.RunStatus.FAIL, e.getMessage()));
      }
    }

    @Override
    public void stop(StopReason reason) {
      handle.cancel(reason);
      // join() waits through interrupts and keeps the flag; how the child ended is read through ending().
      handle.future().handle((result, error) -> true).join();
    }
  }

  private record Finished(Checkpoint checkpoint, Path logsRoot) implements ChildRun {
    @Override
    public String runId() {
      return checkpoint.runId();
    }

    @Override
    public boolean awaitDone(Duration timeout) {
      return true;
    }

    @Override
    public Optional<ChildRun.Ending> ending() {
      return Optional.of(new ChildRun.Ending(checkpoint.status(), checkpoint.finalOutcome().map(o -> o.failureReason()).orElse("")));
    }

    @Override
    public void stop(StopReason reason) {}
  }
}
