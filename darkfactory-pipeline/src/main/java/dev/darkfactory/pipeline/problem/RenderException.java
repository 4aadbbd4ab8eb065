package dev.darkfactory.pipeline.problem;

/** Graphviz could not draw a graph. */
public final class RenderException extends PipelineException {
  public RenderException(String message) {
    super(message);
  }
}
