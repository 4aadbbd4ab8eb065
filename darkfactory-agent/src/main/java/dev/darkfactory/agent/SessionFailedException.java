package dev.darkfactory.agent;

/**
 * An unrecoverable error closed the session (coding-agent-loop-spec §2.8 item 5, Appendix B): an
 * authentication failure, an exhausted retry budget, or another error the loop cannot hand to the
 * model. The cause is the original error, usually an {@code LlmException}.
 */
public final class SessionFailedException extends AgentException {

  public SessionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
