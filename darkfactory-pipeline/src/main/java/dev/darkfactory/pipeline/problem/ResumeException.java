package dev.darkfactory.pipeline.problem;

/**
 * A resume that would not continue the same run: no checkpoint, a checkpoint of another graph
 * (the fingerprints differ) or of another run, or a run that has already finished
 * (attractor-spec.md 5.3). Resuming anyway could replay side effects or route through a graph the
 * run never saw, so the engine refuses and says why.
 */
public final class ResumeException extends PipelineException {
  public ResumeException(String message) {
    super(message);
  }
}
