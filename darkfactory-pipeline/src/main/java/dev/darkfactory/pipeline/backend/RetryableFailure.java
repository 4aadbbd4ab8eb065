package dev.darkfactory.pipeline.backend;

/**
 * Implemented by exceptions that know whether trying again may help (attractor-spec.md 3.6 and
 * Appendix D): rate limits, timeouts and server errors are retryable; authentication, bad requests
 * and configuration errors are not. The engine's default retry predicate asks this.
 */
public interface RetryableFailure {
  boolean retryable();
}
