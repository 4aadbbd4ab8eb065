package dev.darkfactory.twin;

/**
 * A control-plane operation the twin could not perform: an external twin's control endpoint failed or is
 * missing, an unknown fault rule id, a twin that is not running.
 */
public final class TwinControlException extends TwinException {

  private final String twin;

  public TwinControlException(String twin, String message, Throwable cause) {
    super("Twin '" + twin + "': " + message, cause);
    this.twin = twin;
  }

  public TwinControlException(String twin, String message) {
    this(twin, message, null);
  }

  public String twin() {
    return twin;
  }
}
