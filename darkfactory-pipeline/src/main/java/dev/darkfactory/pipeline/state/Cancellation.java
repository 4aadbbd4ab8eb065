package dev.darkfactory.pipeline.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A one-shot stop signal shared by a run and everything working for it: handlers poll it or
 * register callbacks (the tool handler kills its process group, a human gate stops waiting), and
 * backoff sleeps wake on it. Children ({@link #child()}) stop with their parent and can also be
 * stopped alone, which is how {@code first_success} cancels the losing parallel branches.
 */
public final class Cancellation {
  private final AtomicReference<StopReason> reason = new AtomicReference<>();
  private final CountDownLatch signalled = new CountDownLatch(1);
  private final List<Runnable> callbacks = new ArrayList<>();

  /** A signal that has not fired. */
  public static Cancellation create() {
    return new Cancellation();
  }

  /** Fires once; later calls keep the first reason. Callbacks run on the caller's thread. */
  public void cancel(StopReason why) {
    Objects.requireNonNull(why, "why");
    if (!reason.compareAndSet(null, why)) {
      return;
    }
    signalled.countDown();
    List<Runnable> toRun;
    synchronized (callbacks) {
      toRun = List.copyOf(callbacks);
      callbacks.clear();
    }
    toRun.forEach(Runnable::run);
  }

  public boolean isCancelled() {
    return reason.get() != null;
  }

  public Optional<StopReason> reason() {
    return Optional.ofNullable(reason.get());
  }

  /**
   * Runs {@code callback} when the signal fires, or now if it has fired. Close the returned
   * registration when the work it guards is over, so callbacks do not pile up on a long run.
   */
  public Registration onCancel(Runnable callback) {
    synchronized (callbacks) {
      if (!isCancelled()) {
        callbacks.add(callback);
        return () -> {
          synchronized (callbacks) {
            callbacks.remove(callback);
          }
        };
      }
    }
    callback.run();
    return () -> {};
  }

  /**
   * Waits up to {@code timeout} for the signal: the interruptible sleep of backoff and polling.
   *
   * @return true when the signal fired (or the thread was interrupted) before the time was up
   */
  public boolean await(Duration timeout) {
    try {
      return signalled.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** A signal that fires when this one does, and can also fire on its own. */
  public Cancellation child() {
    Cancellation child = new Cancellation();
    Registration link = onCancel(() -> child.cancel(reason.get()));
    child.onCancel(link::close);
    return child;
  }

  /** Undoes an {@link #onCancel} registration. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
