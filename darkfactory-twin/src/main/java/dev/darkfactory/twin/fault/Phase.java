package dev.darkfactory.twin.fault;

/**
 * When a request fault applies: {@code BEFORE} the twin handles the request (its state does not change), or
 * {@code AFTER} (the state changes, then the client loses or gets a broken answer, as when a response is lost on
 * the way back: the case idempotency keys exist for).
 */
public enum Phase {
  BEFORE("before"),
  AFTER("after");

  private final String wire;

  Phase(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
