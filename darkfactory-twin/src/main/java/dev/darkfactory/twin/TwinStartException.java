package dev.darkfactory.twin;

/** A twin did not come up: its command could not be launched, exited, or never became healthy in time. */
public final class TwinStartException extends TwinException {

  /** Why the start failed. */
  public enum Reason {
    /** The command could not be executed at all (not found, not executable). */
    LAUNCH_FAILED,
    /** The process exited before it became healthy. */
    EXITED,
    /** The process kept running but never answered its health check within the start timeout. */
    NOT_HEALTHY,
    /** The in-process server could not start. */
    SERVER_FAILED
  }

  private final String twin;
  private final Reason reason;

  public TwinStartException(String twin, Reason reason, String message, Throwable cause) {
    super("Twin '" + twin + "' did not start: " + message, cause);
    this.twin = twin;
    this.reason = reason;
  }

  public String twin() {
    return twin;
  }

  public Reason reason() {
    return reason;
  }
}
