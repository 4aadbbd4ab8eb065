package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.state.Outcome;

/** The pipeline's entry point: a no-op that succeeds (attractor-spec.md 4.3). */
public final class StartHandler implements Handler {
  @Override
  public Outcome execute(Stage stage) {
    return Outcome.success();
  }
}
