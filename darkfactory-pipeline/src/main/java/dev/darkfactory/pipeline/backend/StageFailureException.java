package dev.darkfactory.pipeline.backend;

/**
 * A stage failure that its backend (or handler) has already put in words for people, such as "LLM
 * call failed (rate_limit): ... Rate limited: wait 30 s or lower the request rate". The engine makes
 * the message the stage's failure reason as it is; any other exception from a handler is reported
 * as a handler error with its type, since its message was not written for a user.
 */
public class StageFailureException extends RuntimeException {
  public StageFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
