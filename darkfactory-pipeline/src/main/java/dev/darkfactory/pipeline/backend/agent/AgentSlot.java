package dev.darkfactory.pipeline.backend.agent;

import dev.darkfactory.agent.Session;
import dev.darkfactory.agent.SessionState;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A coding-agent session and the stage it is working on. The session's listener, tools, hooks and
 * metering middleware were given {@link #current()} when it was built, so one session can serve
 * the successive stages of a thread under {@code full} fidelity. The lock keeps two stages (two
 * parallel branches on one thread key) from driving one session at once.
 */
final class AgentSlot {
  private final AtomicReference<StageRun> current = new AtomicReference<>();
  private final ReentrantLock busy = new ReentrantLock();
  private volatile Session session;
  private volatile ModelChoice choice;

  /** The stage now running, for the session's collaborators. */
  Optional<StageRun> current() {
    return Optional.ofNullable(current.get());
  }

  void attach(Session value, ModelChoice model) {
    this.session = value;
    this.choice = model;
  }

  Session session() {
    return session;
  }

  ModelChoice choice() {
    return choice;
  }

  boolean open() {
    return session != null && session.state() != SessionState.CLOSED;
  }

  /** Claims the slot for a stage; false when another stage holds it. */
  boolean tryClaim() {
    return busy.tryLock();
  }

  void begin(StageRun stage) {
    current.set(stage);
  }

  /** Ends the stage's use of the slot and lets the next stage claim it. */
  void release() {
    current.set(null);
    if (busy.isHeldByCurrentThread()) {
      busy.unlock();
    }
  }

  /** Another model of the same provider continues the same conversation (§7.3 model override). */
  void switchModel(ModelChoice model) {
    if (!model.model().equals(choice.model())) {
      session.setModel(model.model());
    }
    this.choice = model;
  }
}
