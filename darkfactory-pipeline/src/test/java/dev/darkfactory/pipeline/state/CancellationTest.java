package dev.darkfactory.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTest {
  @Test
  void callbacksRunOnceWithTheFirstReason() {
    Cancellation cancellation = Cancellation.create();
    AtomicInteger calls = new AtomicInteger();
    cancellation.onCancel(calls::incrementAndGet);
    cancellation.cancel(StopReason.cancelled("first"));
    cancellation.cancel(StopReason.cancelled("second"));
    assertThat(calls.get()).isEqualTo(1);
    assertThat(cancellation.reason()).hasValueSatisfying(r -> assertThat(r.message()).isEqualTo("first"));
  }

  @Test
  void aLateCallbackRunsAtOnceAndAClosedOneNever() {
    Cancellation cancellation = Cancellation.create();
    AtomicInteger calls = new AtomicInteger();
    cancellation.onCancel(calls::incrementAndGet).close();
    cancellation.cancel(StopReason.interrupted());
    cancellation.onCancel(calls::incrementAndGet);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void childrenStopWithTheirParentButNotTheOtherWay() {
    Cancellation parent = Cancellation.create();
    Cancellation one = parent.child();
    Cancellation two = parent.child();
    one.cancel(StopReason.cancelled("lost"));
    assertThat(parent.isCancelled()).isFalse();
    assertThat(two.isCancelled()).isFalse();
    parent.cancel(StopReason.interrupted());
    assertThat(two.reason()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("interrupted"));
  }

  @Test
  void awaitReturnsWhenSignalled() {
    Cancellation cancellation = Cancellation.create();
    assertThat(cancellation.await(Duration.ofMillis(1))).isFalse();
    Thread.ofVirtual().start(() -> cancellation.cancel(StopReason.cancelled("now")));
    assertThat(cancellation.await(Duration.ofSeconds(20))).isTrue();
  }
}
