package dev.darkfactory.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final ServerException FLAKY = new ServerException("flaky", ProviderErrorDetails.of("p", 503));

  @Test
  void backoffDoublesUpToTheCapWithoutJitter() {
    RetryPolicy policy = RetryPolicy.defaults().withMaxRetries(10).withDelays(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, false);
    assertThat(List.of(0, 1, 2, 3, 4, 6, 9).stream().map(policy::backoff).map(Duration::toSeconds).toList())
        .containsExactly(1L, 2L, 4L, 8L, 16L, 60L, 60L);
  }

  @Test
  void jitterStaysWithinHalfToOneAndAHalfTimes() {
    RetryPolicy policy = RetryPolicy.defaults();
    for (int i = 0; i < 200; i++) {
      assertThat(policy.backoff(1).toMillis()).isBetween(1000L, 3000L);
    }
  }

  @Test
  void executeRetriesTransientErrorsAndReportsEachRetry() {
    AtomicInteger attempts = new AtomicInteger();
    List<String> retries = new ArrayList<>();
    RetryPolicy policy = RetryPolicy.defaults().withDelays(Duration.ofMillis(10), Duration.ofSeconds(1), 2.0, false)
        .withSleeper(duration -> {})
        .withListener((error, retry, delay) -> retries.add(retry + "@" + delay.toMillis()));
    String result = policy.execute(() -> {
      if (attempts.incrementAndGet() < 3) {
        throw FLAKY;
      }
      return "ok";
    });
    assertThat(result).isEqualTo("ok");
    assertThat(retries).containsExactly("1@10", "2@20");
  }

  @Test
  void timeoutsAreNotRetriedUnlessTheCallerOptsIn() {
    AtomicInteger attempts = new AtomicInteger();
    RetryPolicy policy = RetryPolicy.defaults().withSleeper(duration -> {});
    assertThatThrownBy(() -> policy.execute(() -> {
      attempts.incrementAndGet();
      throw new RequestTimeoutException("slow");
    })).isInstanceOf(RequestTimeoutException.class);
    assertThat(attempts).hasValue(1);
    RetryPolicy optIn = policy.withShouldRetry(error -> error.retryable() || error instanceof RequestTimeoutException);
    assertThatThrownBy(() -> optIn.execute(() -> {
      attempts.incrementAndGet();
      throw new RequestTimeoutException("slow");
    })).isInstanceOf(RequestTimeoutException.class);
    assertThat(attempts).hasValue(4);
  }

  @Test
  void anAbortDuringBackoffStopsRetrying() {
    AbortSignal signal = AbortSignal.create();
    RetryPolicy policy = RetryPolicy.defaults().withDelays(Duration.ofSeconds(30), Duration.ofSeconds(60), 2.0, false);
    CountDownLatch firstAttemptFailed = new CountDownLatch(1);
    // Abort once the first attempt has failed, so the abort lands in the 30 s backoff, not before the first try.
    Thread.ofVirtual().start(() -> {
      try {
        firstAttemptFailed.await();
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
      signal.abort();
    });
    AtomicInteger attempts = new AtomicInteger();
    long start = System.nanoTime();
    assertThatThrownBy(() -> policy.execute(() -> {
      attempts.incrementAndGet();
      firstAttemptFailed.countDown();
      throw FLAKY;
    }, Optional.of(signal))).isInstanceOf(AbortException.class);
    assertThat(attempts).as("no retry after the abort").hasValue(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the backoff was cut short").isLessThan(Duration.ofSeconds(20));
  }
}
