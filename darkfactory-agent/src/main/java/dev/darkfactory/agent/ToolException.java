package dev.darkfactory.agent;

/**
 * A tool could not do what the model asked (coding-agent-loop-spec Appendix B): an edit whose
 * {@code old_string} is missing or not unique, a patch that does not parse or apply, a bad argument
 * a schema cannot express. The registry returns the message to the model as an error result, so it
 * says what failed and how to retry.
 */
public final class ToolException extends AgentException {

  /** The Appendix B error type. */
  public enum Kind {
    EDIT_CONFLICT,
    PATCH_SYNTAX,
    PATCH_VERIFICATION,
    INVALID_ARGUMENTS,
    SUBAGENT,
    FAILED
  }

  private final Kind kind;

  public ToolException(Kind kind, String message) {
    this(kind, message, null);
  }

  public ToolException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
