package dev.darkfactory.twin;

/** A twin was asked to listen on a port something else already holds. */
public final class PortInUseException extends TwinException {

  private final String twin;
  private final int port;

  public PortInUseException(String twin, String host, int port, Throwable cause) {
    super("Twin '" + twin + "' cannot listen on " + host + ":" + port + ": the port is in use. Stop what holds it, or use port 0 to"
        + " let the twin pick a free one.", cause);
    this.twin = twin;
    this.port = port;
  }

  public String twin() {
    return twin;
  }

  public int port() {
    return port;
  }
}
