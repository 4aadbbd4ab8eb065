package dev.darkfactory.pipeline.problem;

/**
 * A backend that cannot be built as asked: the agent backend with no provider configured, a
 * provider that is not configured, a sandbox this machine cannot provide. The message says what to
 * set or choose instead.
 */
public final class BackendConfigurationException extends PipelineException {
  public BackendConfigurationException(String message) {
    super(message);
  }

  public BackendConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
