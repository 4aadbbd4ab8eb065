package dev.darkfactory.pipeline.backend;

/**
 * The spec's simulation mode (attractor-spec.md 4.5, backend {@code None}): every LLM stage
 * succeeds with a canned response. The default when no backend is configured, so any pipeline can
 * be walked offline.
 */
public final class SimulationBackend implements CodergenBackend {
  @Override
  public CodergenResult run(CodergenRequest request) {
    return CodergenResult.text("[Simulated] Response for stage: " + request.node().id());
  }

  @Override
  public String describe() {
    return "simulation";
  }
}
