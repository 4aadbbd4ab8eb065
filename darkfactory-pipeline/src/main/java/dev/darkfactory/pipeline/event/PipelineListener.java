package dev.darkfactory.pipeline.event;

/**
 * Receives a run's events (attractor-spec.md 9.6, observer pattern). The engine calls listeners
 * one event at a time, in order, even when parallel branches emit concurrently; a listener that
 * throws is skipped for that event and never stops the run.
 */
@FunctionalInterface
public interface PipelineListener {

  void onEvent(PipelineEvent event);

  /** A listener that ignores everything. */
  static PipelineListener none() {
    return event -> {};
  }
}
