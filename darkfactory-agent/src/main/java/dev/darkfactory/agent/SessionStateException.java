package dev.darkfactory.agent;

/**
 * The host called a session method the session's state does not allow (coding-agent-loop-spec
 * §2.3): submitting to a closed session, or submitting while another input is being processed.
 */
public final class SessionStateException extends AgentException {

  public SessionStateException(String message) {
    super(message, null);
  }
}
