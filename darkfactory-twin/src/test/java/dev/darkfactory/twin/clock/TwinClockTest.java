package dev.darkfactory.twin.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TwinClockTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aFixedClockMovesOnlyWhenSetOrAdvanced() {
    try (TwinClock clock = TwinClock.fixedAt(T0)) {
      assertThat(clock.now()).isEqualTo(T0);
      clock.advance(Duration.ofHours(2));
      assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofHours(2)));
      clock.set(T0.minusSeconds(10));
      assertThat(clock.now()).isEqualTo(T0.minusSeconds(10));
      assertThat(clock.reading().mode()).isEqualTo(TwinClock.Mode.FIXED);
    }
  }

  @Test
  void advancingTheSystemClockFreezesItAtNowPlusTheDelta() {
    try (TwinClock clock = TwinClock.create(Clock.fixed(T0, ZoneOffset.UTC))) {
      assertThat(clock.reading().mode()).isEqualTo(TwinClock.Mode.SYSTEM);
      clock.advance(Duration.ofMinutes(5));
      assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
      clock.useSystem();
      assertThat(clock.now()).isEqualTo(T0);
    }
  }

  @Test
  void timersOnAFixedClockFireWhenTheClockReachesThemInOrder() {
    CopyOnWriteArrayList<String> fired = new CopyOnWriteArrayList<>();
    try (TwinClock clock = TwinClock.fixedAt(T0)) {
      clock.schedule(Duration.ofMinutes(10), () -> fired.add("ten"));
      clock.schedule(Duration.ofMinutes(1), () -> fired.add("one"));

      clock.advance(Duration.ofSeconds(59));
      assertThat(clock.pendingTimers()).isEqualTo(2);
      clock.advance(Duration.ofSeconds(1));
      await().atMost(Duration.ofSeconds(5)).until(() -> fired.contains("one"));
      assertThat(clock.pendingTimers()).isEqualTo(1);
      clock.advance(Duration.ofMinutes(9));
      await().atMost(Duration.ofSeconds(5)).until(() -> fired.contains("ten"));
    }
  }

  @Test
  void timersOnTheSystemClockFireByThemselves() {
    CopyOnWriteArrayList<String> fired = new CopyOnWriteArrayList<>();
    try (TwinClock clock = TwinClock.system()) {
      clock.schedule(Duration.ofMillis(20), () -> fired.add("soon"));
      await().atMost(Duration.ofSeconds(10)).until(() -> fired.contains("soon"));
    }
  }

  @Test
  void aClockDoesNotAdvanceBackwards() {
    try (TwinClock clock = TwinClock.fixedAt(T0)) {
      assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("positive");
    }
  }
}
