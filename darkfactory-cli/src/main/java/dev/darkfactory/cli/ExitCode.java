package dev.darkfactory.cli;

/** Exit codes shared by every command. */
public final class ExitCode {
  /** The command did what was asked and found no errors. */
  public static final int OK = 0;
  /** The command ran, and the answer is negative: validation errors, a failed run. */
  public static final int FAILED = 1;
  /** The command could not run: bad usage, an unreadable or invalid input file. */
  public static final int USAGE = 2;
  /**
   * {@code run} and {@code resume}: the run reached its exit, which the spec calls a success, but
   * passed over stages that failed (status {@code success_with_failures}).
   */
  public static final int SUCCESS_WITH_FAILURES = 3;

  private ExitCode() {}
}
