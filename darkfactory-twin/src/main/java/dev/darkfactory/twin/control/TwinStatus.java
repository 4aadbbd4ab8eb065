package dev.darkfactory.twin.control;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** Whether a twin is serving; {@code detail} says why not (an exit code and the last lines a crashed process wrote). */
public record TwinStatus(State state, String detail, Instant since) {

  /** The states of a twin. */
  public enum State {
    STARTING,
    RUNNING,
    /** An external twin's process exited on its own; its state is lost and it is not restarted. */
    CRASHED,
    STOPPED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TwinStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(since, "since");
  }

  public boolean running() {
    return state == State.RUNNING;
  }
}
