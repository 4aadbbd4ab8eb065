package dev.darkfactory.agent;

/**
 * The root of every failure the agent module raises. Unchecked and sealed, so callers can switch
 * over the kinds without a {@code default}.
 *
 * <p>Most failures never leave the agentic loop as exceptions: a failing tool becomes an error tool
 * result the model can react to (coding-agent-loop-spec Appendix B, "Tool-Level Errors"). These
 * exceptions surface only where a host application must act: a misuse of the session, a session
 * closed by an unrecoverable error, or a direct call on an execution environment.
 */
public abstract sealed class AgentException extends RuntimeException
    permits EnvironmentException,
        ToolException,
        SessionStateException,
        SessionFailedException,
        InvalidConfigurationException {

  protected AgentException(String message, Throwable cause) {
    super(message, cause);
  }
}
