package dev.darkfactory.pipeline.event;

import dev.darkfactory.pipeline.problem.IoReasons;
import dev.darkfactory.pipeline.problem.RunStorageException;
import dev.darkfactory.pipeline.state.JsonBytes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends every event to {@code events.jsonl}, one JSON object per line ({@link EventJson}); a
 * resumed run appends to the same file.
 *
 * <p>Lines are handed to the operating system in batches that end at the events a reader of a
 * crashed run needs: a stage starting, a failure, a question, and every pipeline-level event. A
 * process killed mid-stage has written everything up to that stage's start; at most the lines
 * between a node's completion and the next stage's start (its routing decision and checkpoint
 * notice) can be lost when the process dies in that millisecond, and resume does not depend on
 * them. One write per node instead of one per line keeps the log off the engine's per-node cost.
 */
public final class EventLog implements PipelineListener, AutoCloseable {
  private final Path file;
  private final OutputStream out;
  /** Reused for every line: events are written one at a time (this listener is synchronized). */
  private final JsonBytes line = JsonBytes.compact(1024);
  private boolean failed;

  private EventLog(Path file, OutputStream out) {
    this.file = file;
    this.out = out;
  }

  /** Opens {@code file} for appending, creating it (and its directory) if needed. */
  public static EventLog open(Path file) {
    try {
      Files.createDirectories(file.getParent());
      return new EventLog(file, new java.io.BufferedOutputStream(
          Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), 64 * 1024));
    } catch (IOException e) {
      throw new RunStorageException(file, "cannot open the event log " + file + ": " + IoReasons.of(e), e);
    }
  }

  @Override
  public synchronized void onEvent(PipelineEvent event) {
    if (failed) {
      return;
    }
    try {
      EventJson.write(line.clear(), event);
      line.raw((byte) '\n');
      line.writeTo(out);
      if (endsBatch(event)) {
        out.flush();
      }
    } catch (IOException e) {
      // Losing the audit file must not lose the run; the checkpoint still records progress. Stop trying after the first failure.
      failed = true;
    }
  }

  private static boolean endsBatch(PipelineEvent event) {
    return switch (event) {
      case PipelineEvent.StageStarted e -> true;
      case PipelineEvent.EdgeSelected e -> false;
      case PipelineEvent.StageFailed e -> true;
      case PipelineEvent.StageStopped e -> false;
      case PipelineEvent.InterviewStarted e -> true;
      case PipelineEvent.PipelineStarted e -> true;
      case PipelineEvent.PipelineCompleted e -> true;
      case PipelineEvent.PipelineFailed e -> true;
      case PipelineEvent.PipelineStopped e -> true;
      case PipelineEvent.PipelineRestarted e -> true;
      case PipelineEvent.StageCompleted e -> false;
      case PipelineEvent.StageRetrying e -> false;
      case PipelineEvent.ParallelStarted e -> false;
      case PipelineEvent.ParallelBranchStarted e -> false;
      case PipelineEvent.ParallelBranchCompleted e -> false;
      case PipelineEvent.ParallelCompleted e -> false;
      case PipelineEvent.InterviewCompleted e -> false;
      case PipelineEvent.InterviewTimeout e -> false;
      case PipelineEvent.CheckpointSaved e -> false;
      case PipelineEvent.GoalGateUnsatisfied e -> false;
      case PipelineEvent.StageNote e -> false;
      case PipelineEvent.StageUsage e -> false;
    };
  }

  public Path file() {
    return file;
  }

  /** True when a write failed and later events were not recorded. */
  public synchronized boolean failed() {
    return failed;
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      failed = true;
    }
  }
}
