package dev.darkfactory.server.run;

import dev.darkfactory.pipeline.state.RunDirectory;
import java.util.List;

/**
 * The seam between the server and the engine: run (or resume) one pipeline to its end. The server
 * calls {@link #execute} on a virtual thread per run, so an implementation simply blocks; it must
 * publish the engine's events to {@link Execution#listener()} and honour {@link
 * Execution#cancellation()}.
 */
public interface PipelineExecutor {

  /** Runs until the pipeline completes, fails or stops. Never throws for a failed run: that is a result. */
  RunResult execute(Execution execution);

  /** Whether {@code directory} holds a run this executor can resume: an unfinished checkpoint, or a manifest written before the first checkpoint. */
  boolean canResume(RunDirectory directory);

  /** The backends {@code POST /pipelines} accepts, the default first. */
  List<String> backends();
}
