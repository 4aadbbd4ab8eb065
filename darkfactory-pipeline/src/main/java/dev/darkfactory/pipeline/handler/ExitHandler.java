package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.state.Outcome;

/**
 * The pipeline's exit point: a no-op that succeeds (attractor-spec.md 4.4). Goal gates are the
 * engine's business (3.4): it runs this handler only once every gate is satisfied.
 */
public final class ExitHandler implements Handler {
  @Override
  public Outcome execute(Stage stage) {
    return Outcome.success("Pipeline completed");
  }
}
