package dev.darkfactory.cli;

/** A failure the user can fix (a missing tool, a bad option value), reported without a stack trace. */
public final class UserException extends RuntimeException {
  private final int exitCode;

  public UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public UserException(String message) {
    this(message, ExitCode.USAGE);
  }

  public int exitCode() {
    return exitCode;
  }
}
