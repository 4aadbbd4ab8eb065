package dev.darkfactory.llm;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cooperative cancellation for a call (unified-llm-spec §4.7: AbortController and AbortSignal in one object). Any
 * thread may {@link #abort()}; adapters register a listener that cancels the HTTP exchange or closes the stream, and
 * the call then fails with the signal's reason ({@link AbortException}, or {@link RequestTimeoutException} when a
 * deadline fired).
 */
public final class AbortSignal {

  private final AtomicReference<LlmException> reason = new AtomicReference<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile Registration parentLink = () -> {};

  public static AbortSignal create() {
    return new AbortSignal();
  }

  /** A signal that aborts itself with a {@link RequestTimeoutException} after {@code timeout}. */
  public static AbortSignal withTimeout(Duration timeout, String what) {
    AbortSignal signal = new AbortSignal();
    signal.abortAfter(timeout, what);
    return signal;
  }

  /** Cancels the call. Idempotent. */
  public void abort() {
    abort(new AbortException("The call was aborted"));
  }

  /** Cancels the call with a specific reason; the first reason wins. */
  public void abort(LlmException why) {
    if (reason.compareAndSet(null, why)) {
      listeners.forEach(Runnable::run);
    }
  }

  /**
   * Arms a deadline: after {@code timeout} the signal aborts with a {@link RequestTimeoutException}. The returned
   * handle disarms it once the guarded work is done, so no timer outlives its call.
   */
  public Registration abortAfter(Duration timeout, String what) {
    Thread timer = Thread.ofVirtual().name("llm-deadline").start(() -> {
      try {
        Thread.sleep(timeout);
        abort(new RequestTimeoutException(what + " timed out after " + timeout.toMillis() + " ms"));
      } catch (InterruptedException e) {
        // Disarmed, or the signal fired for another reason.
      }
    });
    Registration cancelOnAbort = onAbort(timer::interrupt);
    return () -> {
      cancelOnAbort.remove();
      timer.interrupt();
    };
  }

  public boolean isAborted() {
    return reason.get() != null;
  }

  public Optional<LlmException> reason() {
    return Optional.ofNullable(reason.get());
  }

  /**
   * Runs {@code listener} when the signal aborts (at once if it already has). The returned handle removes it, so
   * a finished call does not keep its cancellation hook alive.
   */
  public Registration onAbort(Runnable listener) {
    listeners.add(listener);
    if (isAborted()) {
      listener.run();
    }
    return () -> listeners.remove(listener);
  }

  /** Throws the abort reason if the signal has fired. */
  public void throwIfAborted() {
    LlmException why = reason.get();
    if (why != null) {
      throw why;
    }
  }

  /**
   * A signal that fires when this one does and can also be aborted on its own (a per-step deadline). Call
   * {@link #release()} on the child when its work is done, so a long-lived parent does not accumulate children.
   */
  public AbortSignal child() {
    AbortSignal child = new AbortSignal();
    Registration link = onAbort(() -> child.abort(reason.get()));
    child.parentLink = link;
    child.onAbort(link::remove);
    return child;
  }

  /** Detaches this signal from the signal it was made a child of; a no-op for other signals. */
  public void release() {
    parentLink.remove();
  }

  /** Removes a listener added with {@link #onAbort}. */
  @FunctionalInterface
  public interface Registration {
    void remove();
  }
}
