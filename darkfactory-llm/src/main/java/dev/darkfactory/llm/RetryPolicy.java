package dev.darkfactory.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Exponential backoff with jitter and {@code Retry-After} (unified-llm-spec §6.6). {@link #execute} is the
 * standalone {@code retry()} utility; the high-level calls use it per step, never around a whole tool loop.
 *
 * @param maxRetries attempts after the first; 0 disables retries
 * @param shouldRetry which errors to retry; by default {@link LlmException#retryable()}
 * @param listener told before each retry (the spec's {@code on_retry})
 * @param sleeper how to wait; tests inject one that records instead of sleeping
 */
public record RetryPolicy(
    int maxRetries,
    Duration baseDelay,
    Duration maxDelay,
    double backoffMultiplier,
    boolean jitter,
    Predicate<LlmException> shouldRetry,
    RetryListener listener,
    Sleeper sleeper) {

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new ConfigurationException("max_retries is negative", "Use 0 to disable retries.");
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(shouldRetry, "shouldRetry");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** max_retries 2, base 1 s, max 60 s, multiplier 2, jitter on (§6.6 defaults). */
  public static RetryPolicy defaults() {
    return new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, true,
        LlmException::retryable, (error, attempt, delay) -> {}, Thread::sleep);
  }

  public static RetryPolicy none() {
    return defaults().withMaxRetries(0);
  }

  public RetryPolicy withMaxRetries(int value) {
    return new RetryPolicy(value, baseDelay, maxDelay, backoffMultiplier, jitter, shouldRetry, listener, sleeper);
  }

  public RetryPolicy withDelays(Duration base, Duration max, double multiplier, boolean withJitter) {
    return new RetryPolicy(maxRetries, base, max, multiplier, withJitter, shouldRetry, listener, sleeper);
  }

  public RetryPolicy withListener(RetryListener value) {
    return new RetryPolicy(maxRetries, baseDelay, maxDelay, backoffMultiplier, jitter, shouldRetry, value, sleeper);
  }

  public RetryPolicy withSleeper(Sleeper value) {
    return new RetryPolicy(maxRetries, baseDelay, maxDelay, backoffMultiplier, jitter, shouldRetry, listener, value);
  }

  public RetryPolicy withShouldRetry(Predicate<LlmException> value) {
    return new RetryPolicy(maxRetries, baseDelay, maxDelay, backoffMultiplier, jitter, value, listener, sleeper);
  }

  /** The computed backoff before retry number {@code attempt} (0-indexed), without Retry-After. */
  public Duration backoff(int attempt) {
    double millis = Math.min(baseDelay.toMillis() * Math.pow(backoffMultiplier, attempt), maxDelay.toMillis());
    if (jitter) {
      millis *= ThreadLocalRandom.current().nextDouble(0.5, 1.5);
    }
    return Duration.ofMillis(Math.round(millis));
  }

  /**
   * The wait before retrying {@code error}, or empty when it must not be retried: not retryable, budget spent, or
   * a {@code Retry-After} longer than {@code maxDelay} (§6.6: raise at once instead of waiting minutes).
   */
  public Optional<Duration> delayBeforeRetry(LlmException error, int attempt) {
    if (attempt >= maxRetries || !shouldRetry.test(error)) {
      return Optional.empty();
    }
    if (error instanceof ProviderException provider && provider.retryAfter().isPresent()) {
      Duration retryAfter = provider.retryAfter().get();
      return retryAfter.compareTo(maxDelay) > 0 ? Optional.empty() : Optional.of(retryAfter);
    }
    return Optional.of(backoff(attempt));
  }

  /** Runs {@code call}, retrying per this policy. */
  public <T> T execute(Supplier<T> call) {
    return execute(call, Optional.empty());
  }

  /** Runs {@code call}, retrying per this policy; an abort during a backoff wait ends the retries. */
  public <T> T execute(Supplier<T> call, Optional<AbortSignal> abortSignal) {
    for (int attempt = 0; ; attempt++) {
      try {
        abortSignal.ifPresent(AbortSignal::throwIfAborted);
        return call.get();
      } catch (LlmException error) {
        Optional<Duration> delay = delayBeforeRetry(error, attempt);
        if (delay.isEmpty()) {
          throw error;
        }
        listener.beforeRetry(error, attempt + 1, delay.get());
        pause(delay.get(), abortSignal);
      }
    }
  }

  private void pause(Duration delay, Optional<AbortSignal> abortSignal) {
    Thread waiting = Thread.currentThread();
    Optional<AbortSignal.Registration> hook = abortSignal.map(signal -> signal.onAbort(waiting::interrupt));
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      abortSignal.ifPresent(AbortSignal::throwIfAborted);
      Thread.currentThread().interrupt();
      throw new AbortException("Interrupted while waiting to retry", e);
    } finally {
      hook.ifPresent(AbortSignal.Registration::remove);
    }
  }

  /** Called before each retry with the error, the retry number (1-based) and the wait. */
  @FunctionalInterface
  public interface RetryListener {
    void beforeRetry(LlmException error, int retryNumber, Duration delay);
  }

  /** Waits; {@link Thread#sleep(Duration)} in production. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }
}
