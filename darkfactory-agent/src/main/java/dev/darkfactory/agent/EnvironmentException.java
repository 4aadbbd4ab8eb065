package dev.darkfactory.agent;

/**
 * An operation of an execution environment failed (coding-agent-loop-spec §4.1): a missing file, a
 * refused path, a write in read-only mode. Tools let it propagate and the registry turns it into an
 * error tool result, so the model reads the message; it must therefore say what to do next.
 */
public final class EnvironmentException extends AgentException {

  /** What went wrong, for hosts that react differently to each case. */
  public enum Reason {
    NOT_FOUND,
    PERMISSION_DENIED,
    OUTSIDE_WORKING_DIRECTORY,
    /** A write to a file with several hard links, whose other names may be outside. */
    HARD_LINK,
    READ_ONLY,
    NOT_A_FILE,
    NOT_A_DIRECTORY,
    BINARY_FILE,
    INVALID_PATTERN,
    UNAVAILABLE,
    IO_ERROR
  }

  private final Reason reason;

  public EnvironmentException(Reason reason, String message) {
    this(reason, message, null);
  }

  public EnvironmentException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public static EnvironmentException notFound(String path) {
    return new EnvironmentException(
        Reason.NOT_FOUND,
        "File not found: " + path + ". Check the path, or search for the file with glob or grep.");
  }

  public static EnvironmentException readOnly(String operation) {
    return new EnvironmentException(
        Reason.READ_ONLY,
        "Write operations are disabled in read-only mode (" + operation + " refused).");
  }

  public static EnvironmentException outside(String path, String workingDirectory) {
    return new EnvironmentException(
        Reason.OUTSIDE_WORKING_DIRECTORY,
        "Access denied: "
            + path
            + " is outside the working directory "
            + workingDirectory
            + ". Use a path inside the working directory.");
  }
}
