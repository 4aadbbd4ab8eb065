package dev.darkfactory.pipeline.backend;

/**
 * Runs the LLM work of a stage (attractor-spec.md 1.4, 4.5). The pipeline only cares that it gets
 * text or an outcome back; how is up to the implementation: the simulation and scripted backends
 * here, an agent-backed one (the coding-agent loop) later, a CLI agent in a subprocess.
 *
 * <p>A backend may throw: the engine turns the exception into a FAIL outcome with the message
 * (4.12), and retries it only when {@link RetryableFailure} says the failure is transient (3.6).
 * Implementations must be thread-safe: parallel branches call them concurrently.
 */
@FunctionalInterface
public interface CodergenBackend {

  CodergenResult run(CodergenRequest request) throws Exception;

  /** A short name for displays and the run manifest: {@code simulation}, {@code scripted}, a model name. */
  default String describe() {
    return getClass().getSimpleName();
  }
}
