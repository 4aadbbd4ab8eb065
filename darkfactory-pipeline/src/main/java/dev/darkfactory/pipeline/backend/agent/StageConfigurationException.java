package dev.darkfactory.pipeline.backend.agent;

/**
 * A stage that cannot start because of how it is configured (an unknown provider, an unknown
 * model). The engine turns it into a FAIL outcome with this message; retrying cannot help.
 */
final class StageConfigurationException extends RuntimeException {
  StageConfigurationException(String message) {
    super(message);
  }
}
