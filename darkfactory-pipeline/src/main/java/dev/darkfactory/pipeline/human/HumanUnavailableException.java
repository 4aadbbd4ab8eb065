package dev.darkfactory.pipeline.human;

/**
 * Thrown by an interviewer that has no human to ask (no terminal, no answers file). The human gate
 * turns it into a resumable stop, so the user can resume the run where a human can answer.
 */
public final class HumanUnavailableException extends RuntimeException {
  public HumanUnavailableException(String message) {
    super(message);
  }
}
