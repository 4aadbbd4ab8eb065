package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.control.TwinStatus;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/** A twin's current status, set by its lifecycle and read by the control plane and the gateway. */
final class StatusHolder {

  private final Clock wall;
  private final AtomicReference<TwinStatus> status;

  StatusHolder(Clock wall) {
    this.wall = wall;
    this.status = new AtomicReference<>(new TwinStatus(TwinStatus.State.STARTING, "starting", wall.instant()));
  }

  TwinStatus get() {
    return status.get();
  }

  void set(TwinStatus.State state, String detail) {
    status.set(new TwinStatus(state, detail, wall.instant()));
  }

  /** Marks the twin crashed unless it was already stopped on purpose; true when this call marked it. */
  boolean crash(String detail) {
    TwinStatus current = status.get();
    if (current.state() == TwinStatus.State.STOPPED) {
      return false;
    }
    return status.compareAndSet(current, new TwinStatus(TwinStatus.State.CRASHED, detail, wall.instant()));
  }
}
